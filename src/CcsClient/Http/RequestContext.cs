using System;
using System.Net.Http;

namespace Ccs.Http;

/// <summary>
/// Per-request facts the handlers share, kept in one object under one request option: which
/// operation a request belongs to (set by the facade; absent for requests of the generated
/// escape-hatch client), its deadline, and how many attempts it took.
/// </summary>
internal static class RequestContext
{
    private const string Key = "Ccs.Request";

    public static void SetOperation(this HttpRequestMessage request, CcsOperation operation) => State(request).Operation = operation;

    public static CcsOperation? GetOperation(this HttpRequestMessage request) => Find(request)?.Operation;

    public static void SetDeadline(this HttpRequestMessage request, DateTimeOffset deadline) => State(request).Deadline = deadline;

    public static DateTimeOffset? GetDeadline(this HttpRequestMessage request) => Find(request)?.Deadline;

    public static int IncrementAttempts(this HttpRequestMessage request) => ++State(request).Attempts;

    public static int GetAttempts(this HttpRequestMessage request) => Find(request)?.Attempts ?? 0;

    private static RequestState State(HttpRequestMessage request)
    {
        if (Find(request) is { } state)
        {
            return state;
        }

        state = new RequestState();
#if NET
        request.Options.Set(StateKey, state);
#else
        request.Properties[Key] = state;
#endif
        return state;
    }

#if NET
    private static readonly HttpRequestOptionsKey<RequestState> StateKey = new(Key);

    private static RequestState? Find(HttpRequestMessage request) => request.Options.TryGetValue(StateKey, out var state) ? state : null;
#else
    private static RequestState? Find(HttpRequestMessage request) => request.Properties.TryGetValue(Key, out var state) ? state as RequestState : null;
#endif

    private sealed class RequestState
    {
        public CcsOperation? Operation { get; set; }

        public DateTimeOffset? Deadline { get; set; }

        public int Attempts { get; set; }
    }
}
