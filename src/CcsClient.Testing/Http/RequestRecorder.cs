using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Ccs.Testing;

/// <summary>Middleware: records every request in <see cref="RecordedRequests"/> before anything else can refuse it.</summary>
internal sealed class RequestRecorder
{
    private const int MaxBodyChars = 64 * 1024;

    private readonly RecordedRequests _log;
    private readonly TimeProvider _clock;

    public RequestRecorder(RecordedRequests log, TimeProvider clock)
    {
        _log = log;
        _clock = clock;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        _log.Add(new RecordedRequest
        {
            Method = request.Method,
            Path = request.Path.Value ?? string.Empty,
            Query = request.QueryString.Value ?? string.Empty,
            OperationId = EmulatorOperation.Of(context)?.Id,
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = await ReadBodyAsync(request).ConfigureAwait(false),
            ReceivedAt = _clock.GetUtcNow(),
        });
        await next(context).ConfigureAwait(false);
    }

    // The body is buffered so that the endpoint can read it again.
    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0))
        {
            return null;
        }

        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1024, leaveOpen: true);
        var buffer = new char[MaxBodyChars];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), request.HttpContext.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        return new string(buffer, 0, read);
    }
}
