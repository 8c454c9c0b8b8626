using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Ccs.Tests.Resilience;

/// <summary>
/// The retry layer as a caller sees it: how many attempts an operation makes, which failures are
/// retried for which method, how long it waits (on a fake clock) and what it throws at the end.
/// </summary>
public class RetryTests
{
    private static readonly Guid TenantId = ClientHarness.TenantId;

    // ---- one retry layer, one exception ----

    [Fact]
    public async Task A_503_is_attempted_MaxRetries_plus_one_times_and_ends_in_one_CcsServerException()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Status(503);

        var ex = await Assert.ThrowsAsync<CcsServerException>(() => h.RunAsync("getTenant"));

        Assert.Equal(4, h.Handler.Sends); // 3 retries: exactly one retry layer, no nested retries
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Contains("after 4 attempts", ex.Message);
        Assert.Null(ex.InnerException);
        Assert.Equal(3, h.Clock.Delays.Count);
    }

    [Fact]
    public async Task Retries_off_means_one_attempt()
    {
        using var h = new ClientHarness(maxRetries: 0);
        h.Handler.Status(503);

        var ex = await Assert.ThrowsAsync<CcsServerException>(() => h.RunAsync("getTenant"));

        Assert.Equal(1, h.Handler.Sends);
        Assert.Equal(1, ex.Attempts);
        Assert.DoesNotContain("attempts", ex.Message);
    }

    [Fact]
    public async Task A_call_that_succeeds_after_retries_returns_the_result()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Status(503).Status(502).Ok("""{"uuid":"3f1c1f9e-8a43-4f5e-9d2b-6f0e5b7c2a11","name":"Acme"}""");

        var call = h.Client.Tenants.GetAsync(TenantId);
        await h.RunAsync(call);

        Assert.Equal("Acme", (await call).Name);
        Assert.Equal(3, h.Handler.Sends);
    }

    // ---- the retry matrix: status x method ----

    [Theory]
    [InlineData("getTenant", 408)]
    [InlineData("getTenant", 429)]
    [InlineData("getTenant", 500)]
    [InlineData("getTenant", 502)]
    [InlineData("getTenant", 503)]
    [InlineData("getTenant", 504)]
    [InlineData("updateTenantLimits", 408)]
    [InlineData("updateTenantLimits", 429)]
    [InlineData("updateTenantLimits", 500)]
    [InlineData("updateTenantLimits", 502)]
    [InlineData("updateTenantLimits", 503)]
    [InlineData("updateTenantLimits", 504)]
    public async Task Get_and_put_retry_transient_statuses(string operationId, int status)
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Status(status).Ok();

        await h.RunAsync(operationId);

        Assert.Equal(2, h.Handler.Sends);
    }

    [Theory]
    [InlineData("getTenant", 400, typeof(CcsApiException))]
    [InlineData("getTenant", 401, typeof(CcsAuthenticationException))]
    [InlineData("getTenant", 403, typeof(CcsAuthorizationException))]
    [InlineData("getTenant", 404, typeof(CcsNotFoundException))]
    [InlineData("getTenant", 409, typeof(CcsConflictException))]
    [InlineData("updateTenantLimits", 400, typeof(CcsApiException))]
    [InlineData("updateTenantLimits", 401, typeof(CcsAuthenticationException))]
    [InlineData("updateTenantLimits", 403, typeof(CcsAuthorizationException))]
    [InlineData("updateTenantLimits", 404, typeof(CcsNotFoundException))]
    [InlineData("updateTenantLimits", 409, typeof(CcsConflictException))]
    public async Task Get_and_put_do_not_retry_client_errors(string operationId, int status, Type expected)
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Status(status); // every attempt would fail the same way

        var ex = await Assert.ThrowsAnyAsync<CcsApiException>(() => h.RunAsync(operationId));

        Assert.IsType(expected, ex);
        Assert.Equal(1, ex.Attempts);
        Assert.Empty(h.Clock.Delays);

        // A 401 is replayed once with a fresh token by the authentication layer, not by the retry layer.
        Assert.Equal(status == 401 ? 2 : 1, h.Handler.Sends);
    }

    private static readonly string[] PostOperationIds = ["controlCall", "updateTenantProducts", "resetTextMessageCount", "updateAgentState"];

    public static TheoryData<string> PostOperations => new(PostOperationIds);

    public static TheoryData<string, int> PostOperationsWithServerErrors
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var operation in PostOperationIds)
            {
                foreach (var status in new[] { 500, 503, 504 })
                {
                    data.Add(operation, status);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PostOperationsWithServerErrors))]
    public async Task Post_is_not_retried_after_a_server_error(string operationId, int status)
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Status(status).Ok();

        var ex = await Assert.ThrowsAsync<CcsServerException>(() => h.RunAsync(operationId));

        Assert.Equal(1, h.Handler.Sends);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(operationId, ex.OperationId);
        Assert.Equal("POST", ex.Method);
    }

    [Theory]
    [MemberData(nameof(PostOperations))]
    public async Task Post_is_not_retried_after_an_attempt_timeout(string operationId)
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Options.Retry.AttemptTimeout = TimeSpan.FromSeconds(2);
        h.Handler.Hangs();

        var ex = await Assert.ThrowsAsync<CcsApiException>(() => h.RunAsync(operationId));

        Assert.Equal(1, h.Handler.Sends);
        Assert.Equal(1, ex.Attempts);
        Assert.Null(ex.StatusCode);
        Assert.Contains("timed out", ex.Message);
        Assert.Equal(TimeSpan.FromSeconds(2), h.Clock.Elapsed);
    }

    [Theory]
    [MemberData(nameof(PostOperations))]
    public async Task Post_is_retried_after_a_429(string operationId)
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Status(429).Ok();

        await h.RunAsync(operationId);

        Assert.Equal(2, h.Handler.Sends);
        Assert.Equal(h.Handler.Requests[0].Body, h.Handler.Requests[1].Body); // the same body, sent again
    }

    public static TheoryData<string, string> PostOperationsWithRefusedConnections
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var operation in PostOperationIds)
            {
                data.Add(operation, "ConnectionError");
                data.Add(operation, "SocketException");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PostOperationsWithRefusedConnections))]
    public async Task Post_is_retried_when_the_connection_was_refused(string operationId, string form)
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Throws(() => Refused(form)).Ok();

        await h.RunAsync(operationId);

        Assert.Equal(2, h.Handler.Sends);
    }

    [Theory]
    [InlineData("controlCall", "ResponseEnded")]
    [InlineData("controlCall", "IOException")]
    [InlineData("updateTenantProducts", "ResponseEnded")]
    [InlineData("resetTextMessageCount", "IOException")]
    [InlineData("updateAgentState", "ResponseEnded")]
    public async Task Post_is_not_retried_when_the_transport_failed_mid_request(string operationId, string form)
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Throws(() => MidRequest(form)).Ok();

        var ex = await Assert.ThrowsAsync<CcsApiException>(() => h.RunAsync(operationId));

        Assert.Equal(1, h.Handler.Sends);
        Assert.Equal(1, ex.Attempts);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Null(ex.StatusCode);
    }

    [Theory]
    [InlineData("ResponseEnded")]
    [InlineData("IOException")]
    public async Task Get_is_retried_when_the_transport_failed_mid_request(string form)
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Throws(() => MidRequest(form)).Ok();

        await h.RunAsync("getTenant");

        Assert.Equal(2, h.Handler.Sends);
    }

    [Fact]
    public async Task Transport_failures_on_every_attempt_end_in_one_CcsApiException_with_the_attempt_count()
    {
        using var h = new ClientHarness(maxRetries: 2);
        h.Handler.Throws(() => Refused("ConnectionError"));

        var ex = await Assert.ThrowsAsync<CcsApiException>(() => h.RunAsync("getTenant"));

        Assert.Equal(3, h.Handler.Sends);
        Assert.Equal(3, ex.Attempts);
        Assert.Contains("after 3 attempts", ex.Message);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    // ---- per-operation overrides ----

    [Fact]
    public async Task Override_AllTransientFailures_makes_a_kill_retry_on_503()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Options.Retry.Operations["controlCall"] = CcsRetryMode.AllTransientFailures;
        h.Handler.Status(503).Ok();

        await h.RunAsync(h.Client.Calls.KillAsync("call-42"));

        Assert.Equal(2, h.Handler.Sends);
    }

    [Fact]
    public async Task Override_Never_stops_get_retries()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Options.Retry.Operations["getTenant"] = CcsRetryMode.Never;
        h.Handler.Status(503).Ok();

        var ex = await Assert.ThrowsAsync<CcsServerException>(() => h.RunAsync("getTenant"));

        Assert.Equal(1, h.Handler.Sends);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task Override_Never_leaves_other_operations_retrying()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Options.Retry.Operations["getTenant"] = CcsRetryMode.Never;
        h.Handler.Status(503).Ok("[]");

        await h.RunAsync(h.Client.Tenants.ListAsync());

        Assert.Equal(2, h.Handler.Sends);
    }

    [Fact]
    public async Task Override_OnlyWhenNotSent_makes_a_get_behave_like_a_post()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Options.Retry.Operations["getTenant"] = CcsRetryMode.OnlyWhenNotSent;
        h.Handler.Status(503).Ok();

        await Assert.ThrowsAsync<CcsServerException>(() => h.RunAsync("getTenant"));

        Assert.Equal(1, h.Handler.Sends);
    }

    // ---- Retry-After ----

    [Fact]
    public async Task Retry_After_seconds_is_waited_for_on_the_clock()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Status(429, retryAfter: "7").Ok();

        var call = h.Call("getTenant");
        await h.Clock.WaitForPendingDelayAsync();
        Assert.Equal([TimeSpan.FromSeconds(7)], h.Clock.Delays);

        h.Clock.Advance(TimeSpan.FromSeconds(6.9));
        Assert.Equal(1, h.Handler.Sends);

        h.Clock.Advance(TimeSpan.FromSeconds(0.1));
        await Eventually.TrueAsync(() => h.Handler.Sends == 2, "the second attempt");
        await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(7), h.Handler.Requests[1].At - h.Handler.Requests[0].At);
    }

    [Fact]
    public async Task Retry_After_http_date_is_waited_for_and_read_as_utc()
    {
        using var h = new ClientHarness(maxRetries: 3);

        // A local time zone far from UTC must not shift the wait.
        h.Clock.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+05", TimeSpan.FromHours(5), "UTC+05", "UTC+05"));
        var date = (h.Clock.GetUtcNow() + TimeSpan.FromSeconds(12)).ToString("R", CultureInfo.InvariantCulture);
        h.Handler.Status(503, retryAfter: date).Ok();

        var call = h.Call("getTenant");
        await h.Clock.WaitForPendingDelayAsync();
        Assert.Equal([TimeSpan.FromSeconds(12)], h.Clock.Delays);

        h.Clock.Advance(TimeSpan.FromSeconds(11.9));
        Assert.Equal(1, h.Handler.Sends);

        h.Clock.Advance(TimeSpan.FromSeconds(0.1));
        await Eventually.TrueAsync(() => h.Handler.Sends == 2, "the second attempt");
        await call.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Retry_After_longer_than_the_backoff_cap_is_still_honoured_in_full()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        h.Handler.Status(429, retryAfter: "45").Ok();

        await h.RunAsync("getTenant");

        Assert.Equal([TimeSpan.FromSeconds(45)], h.Clock.Delays);
        Assert.Equal(TimeSpan.FromSeconds(45), h.Handler.Requests[1].At - h.Handler.Requests[0].At);
    }

    [Fact]
    public async Task Retry_After_beyond_MaxRetryAfter_ends_at_once_with_CcsRateLimitException()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Options.Retry.MaxRetryAfter = TimeSpan.FromSeconds(60);
        h.Handler.Status(429, retryAfter: "120").Ok();

        var ex = await Assert.ThrowsAsync<CcsRateLimitException>(() => h.RunAsync("getTenant"));

        Assert.Equal(1, h.Handler.Sends);
        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.Equal(1, ex.Attempts);
        Assert.Empty(h.Clock.Delays);
        Assert.Equal(TimeSpan.Zero, h.Clock.Elapsed);
    }

    [Fact]
    public async Task Retry_After_beyond_the_deadline_ends_at_once()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Options.Timeout = TimeSpan.FromSeconds(30);
        h.Handler.Status(429, retryAfter: "45").Ok(); // below MaxRetryAfter (60 s), beyond the deadline

        var ex = await Assert.ThrowsAsync<CcsRateLimitException>(() => h.RunAsync("getTenant"));

        Assert.Equal(1, h.Handler.Sends);
        Assert.Equal(TimeSpan.FromSeconds(45), ex.RetryAfter);
        Assert.Equal(TimeSpan.Zero, h.Clock.Elapsed);
    }

    [Fact]
    public async Task Retry_After_that_would_end_past_the_deadline_stops_the_retries_there()
    {
        using var h = new ClientHarness(maxRetries: 10);
        h.Options.Timeout = TimeSpan.FromSeconds(10);
        h.Handler.Status(503, retryAfter: "3");

        // Attempts at 0, 3, 6 and 9 s; waiting 3 s more would pass the 10 s deadline.
        var ex = await Assert.ThrowsAsync<CcsServerException>(() => h.RunAsync("getTenant"));

        Assert.Equal(4, h.Handler.Sends);
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(9), h.Clock.Elapsed);
    }

    [Fact]
    public async Task Post_waits_for_Retry_After_on_a_429()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Status(429, retryAfter: "5").Ok();

        await h.RunAsync("controlCall");

        Assert.Equal([TimeSpan.FromSeconds(5)], h.Clock.Delays);
        Assert.Equal(2, h.Handler.Sends);
    }

    // ---- cancellation, timeouts, deadline ----

    [Fact]
    public async Task Cancelling_during_a_backoff_wait_ends_the_call_at_once_without_another_attempt()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Status(503, retryAfter: "10").Ok();
        using var cts = new CancellationTokenSource();

        var call = h.Call("getTenant", cts.Token);
        await h.Clock.WaitForPendingDelayAsync();
        var before = h.Clock.GetUtcNow();

        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(before, h.Clock.GetUtcNow()); // nobody had to advance the clock
        Assert.False(h.Clock.HasPendingDelay);

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(20);
        Assert.Equal(1, h.Handler.Sends);
    }

    [Fact]
    public async Task Cancelling_during_an_attempt_ends_the_call_without_a_retry()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Hangs().Ok();
        using var cts = new CancellationTokenSource();

        var call = h.Call("getTenant", cts.Token);
        await Eventually.TrueAsync(() => h.Handler.IsHanging, "the first attempt");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(h.Clock.HasPendingDelay);
        Assert.Equal(1, h.Handler.Sends);
        Assert.Equal(TimeSpan.Zero, h.Clock.Elapsed);
    }

    [Fact]
    public async Task An_attempt_timeout_on_get_is_retried_and_the_last_one_says_it_timed_out()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Options.Retry.AttemptTimeout = TimeSpan.FromSeconds(2);
        h.Handler.Hangs();

        var ex = await Assert.ThrowsAsync<CcsApiException>(() => h.RunAsync("getTenant"));

        Assert.Equal(4, h.Handler.Sends);
        Assert.Equal(4, ex.Attempts);
        Assert.Null(ex.StatusCode);
        Assert.Contains("timed out", ex.Message);
        Assert.Contains("after 4 attempts", ex.Message);
        Assert.Equal(TimeSpan.FromSeconds(8) + h.Clock.Delays.Aggregate(TimeSpan.Zero, (a, b) => a + b), h.Clock.Elapsed);
    }

    [Fact]
    public async Task An_attempt_timeout_followed_by_an_answer_succeeds()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Options.Retry.AttemptTimeout = TimeSpan.FromSeconds(2);
        h.Handler.Hangs().Ok();

        await h.RunAsync("getTenant");

        Assert.Equal(2, h.Handler.Sends);
    }

    [Fact]
    public async Task The_overall_deadline_ends_a_call_whose_server_never_answers()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Options.Timeout = TimeSpan.FromSeconds(5); // shorter than the attempt timeout (30 s)
        h.Handler.Hangs();

        var ex = await Assert.ThrowsAsync<CcsApiException>(() => h.RunAsync("getTenant"));

        Assert.Null(ex.StatusCode);
        Assert.Contains("timed out", ex.Message);
        Assert.Equal(1, h.Handler.Sends);
        Assert.Equal(TimeSpan.FromSeconds(5), h.Clock.Elapsed);
    }

    [Fact]
    public async Task The_overall_deadline_includes_retries_and_backoff()
    {
        using var h = new ClientHarness(maxRetries: 10);
        h.Options.Timeout = TimeSpan.FromSeconds(5);
        h.Options.Retry.AttemptTimeout = TimeSpan.FromSeconds(2);
        h.Handler.Hangs();

        var ex = await Assert.ThrowsAsync<CcsApiException>(() => h.RunAsync("getTenant"));

        Assert.Contains("timed out", ex.Message);
        Assert.InRange(h.Handler.Sends, 2, 3);
        Assert.Equal(TimeSpan.FromSeconds(5), h.Clock.Elapsed); // not 11 attempts x 2 s
    }

    // ---- backoff ----

    [Fact]
    public async Task Backoff_is_capped_by_MaxDelay()
    {
        using var h = new ClientHarness(maxRetries: 4);
        h.Options.Retry.BaseDelay = TimeSpan.FromSeconds(1);
        h.Options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        h.Handler.Status(503);

        await Assert.ThrowsAsync<CcsServerException>(() => h.RunAsync("getTenant"));

        Assert.Equal(5, h.Handler.Sends);
        Assert.Equal(4, h.Clock.Delays.Count);
        Assert.All(h.Clock.Delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(2)));
        Assert.InRange(h.Clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(4 * 2));
    }

    [Fact]
    public async Task Backoff_grows_exponentially_with_jitter()
    {
        using var h = new ClientHarness(maxRetries: 6);
        h.Options.Retry.BaseDelay = TimeSpan.FromSeconds(1);
        h.Options.Retry.MaxDelay = TimeSpan.FromHours(1);
        h.Handler.Status(503);

        await Assert.ThrowsAsync<CcsServerException>(() => h.RunAsync("getTenant"));

        // Decorrelated jitter: the first wait is about BaseDelay, the waits add up to about
        // BaseDelay x 2^retries, so the later half dwarfs the first half whatever the dice said.
        var delays = h.Clock.Delays;
        Assert.Equal(6, delays.Count);
        Assert.InRange(delays[0], TimeSpan.Zero, TimeSpan.FromSeconds(1.5));
        var firstHalf = delays.Take(3).Aggregate(TimeSpan.Zero, (a, b) => a + b);
        var secondHalf = delays.Skip(3).Aggregate(TimeSpan.Zero, (a, b) => a + b);
        Assert.True(secondHalf > 2 * firstHalf, $"backoff did not grow: {string.Join(", ", delays)}");
        Assert.InRange(firstHalf + secondHalf, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(50));
        Assert.Equal(firstHalf + secondHalf, h.Clock.Elapsed);
    }

    [Fact]
    public async Task Backoff_is_jittered()
    {
        // Five clients, same failures: the waits they choose are not all the same.
        var firstDelays = new HashSet<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            using var h = new ClientHarness(maxRetries: 1);
            h.Options.Retry.BaseDelay = TimeSpan.FromSeconds(1);
            h.Handler.Status(503).Ok();
            await h.RunAsync("getTenant");
            firstDelays.Add(h.Clock.Delays.Single());
        }

        Assert.True(firstDelays.Count > 1, "every client waited exactly as long");
    }

    private static HttpRequestException Refused(string form) => form switch
    {
        "ConnectionError" => new HttpRequestException(HttpRequestError.ConnectionError, "refused"),
        "SocketException" => new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)),
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    private static HttpRequestException MidRequest(string form) => form switch
    {
        "ResponseEnded" => new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."),
        "IOException" => new HttpRequestException("Error while copying content to a stream.", new IOException("Connection reset by peer")),
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };
}
