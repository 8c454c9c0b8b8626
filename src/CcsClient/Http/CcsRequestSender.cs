using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Ccs.Errors;
using Microsoft.Kiota.Abstractions;

namespace Ccs.Http;

/// <summary>
/// Sends a request built by a Kiota request builder through the client's HTTP pipeline and turns the
/// answer into a typed result or a <see cref="CcsApiException"/>. Responses are decoded with
/// source-generated System.Text.Json straight into the facade's types.
/// </summary>
internal sealed class CcsRequestSender
{
    private const string JsonMediaType = "application/json";

    private readonly HttpClient _http;

    public CcsRequestSender(HttpClient http) => _http = http;

    /// <summary>Sends the request and decodes a JSON body of type <typeparamref name="T"/>.</summary>
    public async Task<T> SendAsync<T>(CcsOperation operation, RequestInformation request, JsonTypeInfo<T> resultType, CancellationToken cancellationToken)
    {
        using var message = CreateMessage(operation, request, content: null);
        using var response = await SendCoreAsync(operation, message, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(operation, response, resultType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request without a body and expects no result.</summary>
    public Task SendAsync(CcsOperation operation, RequestInformation request, CancellationToken cancellationToken)
        => SendWithoutResultAsync(operation, request, content: null, cancellationToken);

    /// <summary>Sends a request with a JSON body and expects no result.</summary>
    public Task SendAsync<TBody>(CcsOperation operation, RequestInformation request, TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType);
        return SendWithoutResultAsync(operation, request, content, cancellationToken);
    }

    private async Task SendWithoutResultAsync(CcsOperation operation, RequestInformation request, HttpContent? content, CancellationToken cancellationToken)
    {
        // Disposing the response disposes its (possibly empty) content stream too.
        using var message = CreateMessage(operation, request, content);
        using var response = await SendCoreAsync(operation, message, cancellationToken).ConfigureAwait(false);
    }

    private static HttpRequestMessage CreateMessage(CcsOperation operation, RequestInformation request, HttpContent? content)
    {
        var message = new HttpRequestMessage(operation.Method, RequestUri.From(request)) { Content = content };
        message.Headers.TryAddWithoutValidation("Accept", JsonMediaType);
        return message;
    }

    private async Task<HttpResponseMessage> SendCoreAsync(CcsOperation operation, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout elapsed: not the caller's cancellation, so it is a failed call.
            throw ErrorFactory.NoResponse(operation, "timed out before the CCS API answered", ex);
        }
        catch (HttpRequestException ex)
        {
            throw ErrorFactory.NoResponse(operation, "could not reach the CCS API", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorFactory.FromResponseAsync(operation, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<T> ReadJsonAsync<T>(CcsOperation operation, HttpResponseMessage response, JsonTypeInfo<T> resultType, CancellationToken cancellationToken)
    {
#if NET
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        T? result;
        try
        {
            result = await JsonSerializer.DeserializeAsync(stream, resultType, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw await ErrorFactory.InvalidBodyAsync(operation, response, stream, "was not valid JSON for the expected type", ex).ConfigureAwait(false);
        }
        finally
        {
#if NET
            await stream.DisposeAsync().ConfigureAwait(false);
#else
            stream.Dispose();
#endif
        }

        return result ?? throw await ErrorFactory.InvalidBodyAsync(operation, response, Stream.Null, "was JSON null where a value was expected", null).ConfigureAwait(false);
    }
}
