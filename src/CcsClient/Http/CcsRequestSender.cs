using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Ccs.Diagnostics;
using Ccs.Errors;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Ccs.Http;

/// <summary>
/// Sends a request to a URL shaped by the Kiota request builders through the client's HTTP pipeline and turns the
/// answer into a typed result or a <see cref="CcsApiException"/>. Responses are decoded with
/// source-generated System.Text.Json straight into the facade's types.
/// </summary>
internal sealed class CcsRequestSender
{
    private const string JsonMediaType = "application/json";

    private readonly Func<HttpClient> _http;
    private readonly ErrorFactory _errors;
    private readonly ILogger _logger;

    /// <param name="http">Returns the HttpClient to send with (with IHttpClientFactory, a fresh one per call).</param>
    /// <param name="time">The clock used to read Retry-After dates.</param>
    /// <param name="logger">Where final failures are logged.</param>
    public CcsRequestSender(Func<HttpClient> http, TimeProvider time, ILogger logger)
    {
        _http = http;
        _errors = new ErrorFactory(time);
        _logger = logger;
    }

    /// <summary>Sends the request and decodes a JSON body of type <typeparamref name="T"/>.</summary>
    public async Task<T> SendAsync<T>(CcsOperation operation, Uri uri, JsonTypeInfo<T> resultType, CancellationToken cancellationToken)
    {
        using var message = CreateMessage(operation, uri, content: null);
        using var response = await SendCoreAsync(operation, message, cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadJsonAsync(operation, message, response, resultType, cancellationToken).ConfigureAwait(false);
        }
        catch (CcsApiException ex)
        {
            LogFailure(operation, message, ex);
            throw;
        }
    }

    /// <summary>Sends a request without a body and expects no result.</summary>
    public Task SendAsync(CcsOperation operation, Uri uri, CancellationToken cancellationToken)
        => SendWithoutResultAsync(operation, uri, content: null, cancellationToken);

    /// <summary>Sends a request with a JSON body and expects no result.</summary>
    public Task SendAsync<TBody>(CcsOperation operation, Uri uri, TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType);
        return SendWithoutResultAsync(operation, uri, content, cancellationToken);
    }

    private async Task SendWithoutResultAsync(CcsOperation operation, Uri uri, HttpContent? content, CancellationToken cancellationToken)
    {
        // Disposing the response disposes its (possibly empty) content stream too.
        using var message = CreateMessage(operation, uri, content);
        using var response = await SendCoreAsync(operation, message, cancellationToken).ConfigureAwait(false);
    }

    private static HttpRequestMessage CreateMessage(CcsOperation operation, Uri uri, HttpContent? content)
    {
        var message = new HttpRequestMessage(operation.Method, uri) { Content = content };
        message.Headers.TryAddWithoutValidation("Accept", JsonMediaType);
        message.SetOperation(operation);
        return message;
    }

    private async Task<HttpResponseMessage> SendCoreAsync(CcsOperation operation, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http().SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A timeout of the transport or of a caller-supplied HttpClient, not the caller's cancellation.
            throw Fail(operation, message, ErrorFactory.NoResponse(operation, message, "timed out before the CCS API answered", ex));
        }
        catch (TimeoutRejectedException ex)
        {
            throw Fail(operation, message, ErrorFactory.NoResponse(operation, message, "timed out (deadline or attempt timeout) before the CCS API answered", ex));
        }
        catch (HttpRequestException ex)
        {
            throw Fail(operation, message, ErrorFactory.NoResponse(operation, message, "could not reach the CCS API", ex));
        }
        catch (CcsApiException ex)
        {
            throw Fail(operation, message, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw Fail(operation, message, await _errors.FromResponseAsync(operation, message, response, cancellationToken).ConfigureAwait(false));
        }
    }

    private CcsApiException Fail(CcsOperation operation, HttpRequestMessage message, CcsApiException exception)
    {
        LogFailure(operation, message, exception);
        return exception;
    }

    private void LogFailure(CcsOperation operation, HttpRequestMessage message, CcsApiException exception)
        => Log.Failed(
            _logger,
            operation.Id,
            operation.Method.Method,
            operation.PathTemplate,
            Math.Max(1, message.GetAttempts()),
            exception.StatusCode is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : exception.InnerException?.GetType().Name ?? exception.GetType().Name,
            exception.RequestId);

    private async Task<T> ReadJsonAsync<T>(CcsOperation operation, HttpRequestMessage message, HttpResponseMessage response, JsonTypeInfo<T> resultType, CancellationToken cancellationToken)
    {
        // Decoded straight from the network stream (no whole-body buffer); the first bytes are kept
        // so that a body that fails to decode can be quoted in the exception.
#if NET
        var network = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        var network = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using var stream = new ExcerptCapturingStream(network, CcsErrorDetails.MaxBodyExcerptLength);
        T? result;
        try
        {
            result = await JsonSerializer.DeserializeAsync(stream, resultType, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw _errors.InvalidBody(operation, message, response, stream.Excerpt(), "was not valid JSON for the expected type", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw ErrorFactory.NoResponse(operation, message, "lost the connection while reading the response", ex);
        }

        return result ?? throw _errors.InvalidBody(operation, message, response, stream.Excerpt(), "was JSON null where a value was expected", null);
    }
}
