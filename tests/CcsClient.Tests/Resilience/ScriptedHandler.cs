using System.Net;
using System.Text;

namespace Ccs.Tests.Resilience;

/// <summary>
/// An in-memory transport that answers from a script, one step per request; the last step repeats.
/// It records every request it sees (with the fake clock's time) and can hang until cancelled, to
/// stand in for a server that never answers.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly List<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _steps = [];
    private readonly List<SentRequest> _requests = [];
    private readonly TimeProvider _clock;
    private int _hanging;

    public ScriptedHandler(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    /// <summary>How many requests reached the transport.</summary>
    public int Sends
    {
        get
        {
            lock (_requests)
            {
                return _requests.Count;
            }
        }
    }

    public IReadOnlyList<SentRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Whether a request is waiting for an answer that will never come.</summary>
    public bool IsHanging => Volatile.Read(ref _hanging) > 0;

    public static HttpResponseMessage Response(int status, string? body = null, string? retryAfter = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(body ?? (status < 300 ? "{}" : """{"error":"scripted"}"""), Encoding.UTF8, "application/json"),
        };
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return response;
    }

    /// <summary>Answers with a status (and a JSON body: <c>{}</c> for success).</summary>
    public ScriptedHandler Status(int status, string? retryAfter = null, string? body = null)
        => Then(_ => Response(status, body, retryAfter));

    /// <summary>Answers 200 with a JSON body.</summary>
    public ScriptedHandler Ok(string json = "{}") => Status(200, body: json);

    /// <summary>Fails the attempt with an exception, as a transport does.</summary>
    public ScriptedHandler Throws(Func<Exception> exception)
    {
        _steps.Add((_, _) => Task.FromException<HttpResponseMessage>(exception()));
        return this;
    }

    /// <summary>Never answers; the attempt ends only when it is cancelled (a timeout or the caller).</summary>
    public ScriptedHandler Hangs()
    {
        _steps.Add((_, cancellationToken) =>
        {
            var never = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            Interlocked.Increment(ref _hanging);

            // Runs synchronously inside the cancelling timer callback, so the test sees the attempt end at once.
            cancellationToken.Register(() =>
            {
                Interlocked.Decrement(ref _hanging);
                never.TrySetCanceled(cancellationToken);
            });
            return never.Task;
        });
        return this;
    }

    public ScriptedHandler Then(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        _steps.Add((request, _) => Task.FromResult(respond(request)));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        int index;
        lock (_requests)
        {
            index = _requests.Count;
            _requests.Add(new SentRequest(
                request.Method,
                request.RequestUri!,
                request.Headers.Authorization?.ToString(),
                request.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.Single() : null,
                request.Headers.TryGetValues("User-Agent", out var agents) ? string.Join(" ", agents) : null,
                body,
                _clock.GetUtcNow()));
        }

        if (_steps.Count == 0)
        {
            return Response(200);
        }

        return await _steps[Math.Min(index, _steps.Count - 1)](request, cancellationToken);
    }
}

public sealed record SentRequest(HttpMethod Method, Uri Uri, string? Authorization, string? RequestId, string? UserAgent, string? Body, DateTimeOffset At);
