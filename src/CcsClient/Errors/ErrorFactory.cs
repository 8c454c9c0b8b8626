using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Ccs.Http;

namespace Ccs.Errors;

/// <summary>Builds the typed exception for a failed call, in one place for every operation.</summary>
internal sealed class ErrorFactory
{
    private readonly TimeProvider _time;

    public ErrorFactory(TimeProvider time) => _time = time;

    private static readonly string[] RequestIdHeaders = ["X-Request-Id", "X-Correlation-Id", "Request-Id"];

    public async Task<CcsApiException> FromResponseAsync(CcsOperation operation, HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ReadExcerptAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var details = Describe(operation, request, response, body);
        var message = $"CCS API operation {operation} failed with {(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}{AttemptsSuffix(details)}.{RequestIdSuffix(details)}";
        return (int)response.StatusCode switch
        {
            401 => new CcsAuthenticationException(message, details),
            403 => new CcsAuthorizationException(message, details),
            404 => new CcsNotFoundException(message, details),
            409 => new CcsConflictException(message, details),
            429 => new CcsRateLimitException(message, details),
            >= 500 and <= 599 => new CcsServerException(message, details),
            _ => new CcsApiException(message, details),
        };
    }

    public CcsApiException InvalidBody(CcsOperation operation, HttpRequestMessage request, HttpResponseMessage response, string? excerpt, string problem, Exception? cause)
    {
        var details = Describe(operation, request, response, excerpt);
        var what = excerpt is null && cause is not null ? "was empty or not valid JSON" : problem;
        return new CcsApiException(
            $"CCS API operation {operation} answered {(int)response.StatusCode} but its response body {what}.{RequestIdSuffix(details)}",
            details,
            cause);
    }

    public static CcsApiException NoResponse(CcsOperation operation, HttpRequestMessage request, string problem, Exception cause)
    {
        var details = new CcsErrorDetails
        {
            OperationId = operation.Id,
            Method = operation.Method.Method,
            PathTemplate = operation.PathTemplate,
            RequestId = ClientRequestId(request),
            Attempts = Math.Max(1, request.GetAttempts()),
        };
        return new CcsApiException($"CCS API operation {operation} {problem}{AttemptsSuffix(details)}: {cause.Message}", details, cause);
    }

    private CcsErrorDetails Describe(CcsOperation operation, HttpRequestMessage request, HttpResponseMessage response, string? body) => new()
    {
        StatusCode = response.StatusCode,
        OperationId = operation.Id,
        Method = operation.Method.Method,
        PathTemplate = operation.PathTemplate,
        ResponseBody = body,
        RequestId = RequestIdOf(response) ?? ClientRequestId(request),
        RetryAfter = RetryAfter.Of(response, _time),
        Attempts = Math.Max(1, request.GetAttempts()),
    };

    private static string AttemptsSuffix(CcsErrorDetails details)
        => details.Attempts > 1 ? $" after {details.Attempts} attempts" : string.Empty;

    private static string? ClientRequestId(HttpRequestMessage request)
        => request.Headers.TryGetValues(DiagnosticsHandler.RequestIdHeader, out var values) ? values.FirstOrDefault() : null;

    private static string RequestIdSuffix(CcsErrorDetails details)
        => details.RequestId is null ? string.Empty : $" Request id: {details.RequestId}.";

    private static string? RequestIdOf(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out IEnumerable<string>? values))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }

    private static async Task<string?> ReadExcerptAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return null;
        }

#if NET
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using (stream)
        {
            return await ReadExcerptAsync(stream).ConfigureAwait(false);
        }
    }

    private static async Task<string?> ReadExcerptAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1024, leaveOpen: true);
        var buffer = new char[CcsErrorDetails.MaxBodyExcerptLength];
        var read = await reader.ReadBlockAsync(buffer, 0, buffer.Length).ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }

        var truncated = read == buffer.Length && reader.Peek() >= 0;
        return truncated ? new string(buffer, 0, read) + "…" : new string(buffer, 0, read);
    }
}
