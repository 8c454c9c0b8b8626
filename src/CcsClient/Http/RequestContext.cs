using System;
using System.Net.Http;

namespace Ccs.Http;

/// <summary>
/// Per-request facts the handlers share: which operation a request belongs to (set by the facade;
/// absent for requests of the generated escape-hatch client), its deadline, and how many attempts it took.
/// </summary>
internal static class RequestContext
{
    private const string OperationKey = "Ccs.Operation";
    private const string AttemptsKey = "Ccs.Attempts";
    private const string DeadlineKey = "Ccs.Deadline";

#if NET
    private static readonly HttpRequestOptionsKey<CcsOperation> Operation = new(OperationKey);
    private static readonly HttpRequestOptionsKey<int> Attempts = new(AttemptsKey);
    private static readonly HttpRequestOptionsKey<DateTimeOffset> Deadline = new(DeadlineKey);

    public static void SetDeadline(this HttpRequestMessage request, DateTimeOffset deadline) => request.Options.Set(Deadline, deadline);

    public static DateTimeOffset? GetDeadline(this HttpRequestMessage request)
        => request.Options.TryGetValue(Deadline, out var deadline) ? deadline : null;

    public static void SetOperation(this HttpRequestMessage request, CcsOperation operation) => request.Options.Set(Operation, operation);

    public static CcsOperation? GetOperation(this HttpRequestMessage request)
        => request.Options.TryGetValue(Operation, out var operation) ? operation : null;

    public static int IncrementAttempts(this HttpRequestMessage request)
    {
        var attempts = request.GetAttempts() + 1;
        request.Options.Set(Attempts, attempts);
        return attempts;
    }

    public static int GetAttempts(this HttpRequestMessage request)
        => request.Options.TryGetValue(Attempts, out var attempts) ? attempts : 0;
#else
    public static void SetDeadline(this HttpRequestMessage request, DateTimeOffset deadline) => request.Properties[DeadlineKey] = deadline;

    public static DateTimeOffset? GetDeadline(this HttpRequestMessage request)
        => request.Properties.TryGetValue(DeadlineKey, out var deadline) && deadline is DateTimeOffset value ? value : null;

    public static void SetOperation(this HttpRequestMessage request, CcsOperation operation) => request.Properties[OperationKey] = operation;

    public static CcsOperation? GetOperation(this HttpRequestMessage request)
        => request.Properties.TryGetValue(OperationKey, out var operation) ? operation as CcsOperation : null;

    public static int IncrementAttempts(this HttpRequestMessage request)
    {
        var attempts = request.GetAttempts() + 1;
        request.Properties[AttemptsKey] = attempts;
        return attempts;
    }

    public static int GetAttempts(this HttpRequestMessage request)
        => request.Properties.TryGetValue(AttemptsKey, out var attempts) && attempts is int count ? count : 0;
#endif
}
