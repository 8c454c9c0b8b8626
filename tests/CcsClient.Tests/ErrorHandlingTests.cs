using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ccs.Tests.Support;

namespace Ccs.Tests;

public class ErrorHandlingTests
{
    private static readonly Guid TenantId = Guid.Parse("8d7f3c52-2d1e-4b8a-9f5e-0c6a1b2c3d4e");

    private static HttpResponseMessage Status(int status, string body = """{"error":"nope"}""", Action<HttpResponseMessage>? configure = null)
    {
        var response = RecordingHandler.Json(body, (HttpStatusCode)status);
        configure?.Invoke(response);
        return response;
    }

    private static HttpResponseMessage Raw(string? body, HttpStatusCode status = HttpStatusCode.OK)
        => body is null ? new HttpResponseMessage(status) : RecordingHandler.Json(body, status);

    private static Task<CcsApiException> GetTenantFailure(Func<HttpResponseMessage> respond)
    {
        var handler = new RecordingHandler(_ => respond());
        var ccs = TestClients.Over(handler);
        return Assert.ThrowsAnyAsync<CcsApiException>(async () =>
        {
            using (ccs)
            {
                await ccs.Tenants.GetAsync(TenantId);
            }
        });
    }

    [Theory]
    [InlineData(400, typeof(CcsApiException))]
    [InlineData(401, typeof(CcsAuthenticationException))]
    [InlineData(403, typeof(CcsAuthorizationException))]
    [InlineData(404, typeof(CcsNotFoundException))]
    [InlineData(409, typeof(CcsConflictException))]
    [InlineData(429, typeof(CcsRateLimitException))]
    [InlineData(500, typeof(CcsServerException))]
    [InlineData(502, typeof(CcsServerException))]
    [InlineData(503, typeof(CcsServerException))]
    public async Task Non_success_status_maps_to_typed_exception_with_operation_details(int status, Type expected)
    {
        var ex = await GetTenantFailure(() => Status(status, """{"error":"details from server"}"""));

        Assert.IsType(expected, ex);
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal("getTenant", ex.OperationId);
        Assert.Equal("GET", ex.Method);
        Assert.Equal("/tenants/{tenantUuid}", ex.PathTemplate);
        Assert.Equal("""{"error":"details from server"}""", ex.ResponseBody);
        Assert.Matches("^[0-9a-f]{32}$", ex.RequestId); // no server id: the X-Request-Id the client sent
        Assert.Null(ex.RetryAfter);
        Assert.Contains(status.ToString(), ex.Message);
        Assert.Contains("getTenant", ex.Message);
    }

    [Fact]
    public async Task Exception_never_carries_the_raw_url_with_ids()
    {
        var ex = await GetTenantFailure(() => Status(404));

        Assert.DoesNotContain(TenantId.ToString(), ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TenantId.ToString(), ex.PathTemplate!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", ex.Message);
    }

    [Fact]
    public async Task Operation_details_name_the_operation_that_failed()
    {
        var handler = new RecordingHandler(_ => Status(409));
        using var ccs = TestClients.Over(handler);

        var ex = await Assert.ThrowsAsync<CcsConflictException>(() => ccs.Calls.KillAsync("c1"));

        Assert.Equal("controlCall", ex.OperationId);
        Assert.Equal("POST", ex.Method);
        Assert.Equal("/calls/{callId}", ex.PathTemplate);
    }

    [Theory]
    [InlineData("X-Request-Id")]
    [InlineData("X-Correlation-Id")]
    public async Task Request_id_comes_from_response_header(string header)
    {
        var ex = await GetTenantFailure(() => Status(500, configure: r => r.Headers.Add(header, "req-42")));

        Assert.Equal("req-42", ex.RequestId);
        Assert.Contains("req-42", ex.Message);
    }

    [Fact]
    public async Task Retry_after_delta_seconds_is_exposed()
    {
        var ex = await GetTenantFailure(() => Status(429, configure: r => r.Headers.TryAddWithoutValidation("Retry-After", "7")));

        var rateLimit = Assert.IsType<CcsRateLimitException>(ex);
        Assert.Equal(TimeSpan.FromSeconds(7), rateLimit.RetryAfter);
    }

    [Fact]
    public async Task Retry_after_http_date_becomes_time_from_now()
    {
        var ex = await GetTenantFailure(() => Status(503, configure: r =>
            r.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(30))));

        Assert.NotNull(ex.RetryAfter);
        Assert.InRange(ex.RetryAfter.Value, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task Retry_after_http_date_in_the_past_is_zero()
    {
        var ex = await GetTenantFailure(() => Status(503, configure: r =>
            r.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddMinutes(-5))));

        Assert.Equal(TimeSpan.Zero, ex.RetryAfter);
    }

    [Fact]
    public async Task Large_error_body_is_truncated()
    {
        var body = new string('x', 10_000);
        var ex = await GetTenantFailure(() => Status(500, body));

        Assert.NotNull(ex.ResponseBody);
        Assert.True(ex.ResponseBody.Length <= CcsErrorDetails.MaxBodyExcerptLength + 1, $"excerpt has {ex.ResponseBody.Length} chars");
        Assert.StartsWith(body[..CcsErrorDetails.MaxBodyExcerptLength], ex.ResponseBody, StringComparison.Ordinal);
        Assert.EndsWith("…", ex.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_of_exactly_the_limit_is_not_marked_truncated()
    {
        var body = new string('x', CcsErrorDetails.MaxBodyExcerptLength);
        var ex = await GetTenantFailure(() => Status(500, body));

        Assert.Equal(body, ex.ResponseBody);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(500)]
    public async Task Exception_text_never_contains_the_token(int status)
    {
        var ex = await GetTenantFailure(() => Status(status, """{"error":"invalid_token"}""", r => r.Headers.Add("X-Request-Id", "r1")));

        Assert.DoesNotContain(TestClients.Token, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transport_failure_text_never_contains_the_token()
    {
        var ex = await GetTenantFailure(() => throw new HttpRequestException("Connection refused (ccs.test:443)"));

        Assert.DoesNotContain(TestClients.Token, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_on_success_is_a_CcsApiException_with_the_json_error_inside()
    {
        const string malformed = """{"uuid": "8d7f3c52-2d1e-4b8a-9f5e-0c6a1b2c3d4e", "name": """;
        var ex = await GetTenantFailure(() => Raw(malformed));

        Assert.IsType<CcsApiException>(ex);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("getTenant", ex.OperationId);
        Assert.Equal(malformed, ex.ResponseBody);
    }

    [Fact]
    public async Task Empty_body_on_success_of_a_get_is_a_CcsApiException()
    {
        var ex = await GetTenantFailure(() => Raw(null));

        Assert.IsType<CcsApiException>(ex);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("getTenant", ex.OperationId);
    }

    [Fact]
    public async Task Json_null_on_success_of_a_get_is_a_CcsApiException()
    {
        var ex = await GetTenantFailure(() => Raw("null"));

        Assert.IsType<CcsApiException>(ex);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("getTenant", ex.OperationId);
    }

    [Fact]
    public async Task Json_value_of_the_wrong_type_is_a_CcsApiException()
    {
        var ex = await GetTenantFailure(() => Raw("""{"uuid":"not-a-uuid","name":"Acme"}"""));

        Assert.IsType<CcsApiException>(ex);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Contains("not-a-uuid", ex.ResponseBody);
    }

    [Fact]
    public async Task Json_array_where_an_object_is_expected_is_a_CcsApiException()
    {
        var ex = await GetTenantFailure(() => Raw("[]"));

        Assert.IsType<CcsApiException>(ex);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task Empty_success_body_on_operations_without_result_succeeds()
    {
        var handler = new RecordingHandler(_ => Raw(null));
        using var ccs = TestClients.Over(handler);

        await ccs.Calls.KillAsync("c1");
        await ccs.Tenants.ResetTextCountAsync(TenantId);
        await ccs.Agents.SetStateAsync("Available");

        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task No_content_on_operations_without_result_succeeds()
    {
        var handler = new RecordingHandler(_ => Raw(null, HttpStatusCode.NoContent));
        using var ccs = TestClients.Over(handler);

        await ccs.Tenants.UpdateLimitsAsync(TenantId, new Models.TenantLimitsUpdate { MaxAgents = 3 });

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Transport_failure_is_a_CcsApiException_without_status()
    {
        var cause = new HttpRequestException("Connection refused");
        var ex = await GetTenantFailure(() => throw cause);

        Assert.IsType<CcsApiException>(ex);
        Assert.Null(ex.StatusCode);
        Assert.Same(cause, ex.InnerException);
        Assert.Equal("getTenant", ex.OperationId);
        Assert.Equal("/tenants/{tenantUuid}", ex.PathTemplate);
    }

    [Fact]
    public async Task Caller_cancellation_is_an_OperationCanceledException()
    {
        var handler = new RecordingHandler();
        using var ccs = TestClients.Over(handler);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var ex = await Record.ExceptionAsync(() => ccs.Tenants.GetAsync(TenantId, cts.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
    }

    [Fact]
    public async Task Caller_cancellation_during_the_request_is_an_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        using var ccs = new CcsClient(TestClients.Options(), new NeverAnsweringHandler(onSend: cts.Cancel));

        var ex = await Record.ExceptionAsync(() => ccs.Tenants.GetAsync(TenantId, cts.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
    }

    [Fact]
    public async Task Timeout_is_a_CcsApiException_not_a_cancellation()
    {
        var options = TestClients.Options();
        options.Timeout = TimeSpan.FromMilliseconds(20);
        using var ccs = new CcsClient(options, new NeverAnsweringHandler());

        var ex = await Record.ExceptionAsync(() => ccs.Tenants.GetAsync(TenantId));

        var api = Assert.IsType<CcsApiException>(ex);
        Assert.Null(api.StatusCode);
        Assert.Equal("getTenant", api.OperationId);
        Assert.Contains("timed out", api.Message);
        Assert.NotNull(api.InnerException);
    }

    /// <summary>Answers only by being cancelled; <paramref name="onSend"/> runs once the request is in flight.</summary>
    private sealed class NeverAnsweringHandler(Action? onSend = null) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend?.Invoke();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
