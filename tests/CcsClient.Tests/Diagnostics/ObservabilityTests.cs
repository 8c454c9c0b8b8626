using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;
using Ccs.Models;
using Ccs.Tests.Resilience;
using Ccs.Tests.Spec;
using Ccs.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Ccs.Tests.Diagnostics;

/// <summary>
/// What operators see: logs (without tokens, phone numbers or raw URLs), one span and one duration
/// per operation however often it was retried, retry and failure counters, and the User-Agent and
/// X-Request-Id headers that let the CCS team find a request.
/// </summary>
public class ObservabilityTests
{
    private const string UserAgentPattern = @"^CcsClient/\d+\.\d+\.\d+ \(.+; .+\)$";

    // Listeners are process-wide; this marks the measurements made by the test that is listening.
    private static readonly AsyncLocal<bool> ThisTest = new();

    private static readonly CallSearchCriteria Search = new() { CallingNumber = "+15550100", CalledNumber = "+15550199" };

    private static (ClientHarness Harness, FakeLogCollector Logs, ILoggerFactory Factory) WithLogging(int maxRetries)
    {
        var collector = new FakeLogCollector();
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(collector)));
        var h = new ClientHarness(maxRetries);
        h.Options.LoggerFactory = factory;
        return (h, collector, factory);
    }

    /// <summary>Everything a log record carries: message, structured values, scopes and exception.</summary>
    private static IEnumerable<string> Texts(FakeLogRecord record)
    {
        yield return record.Message;
        foreach (var pair in record.StructuredState ?? [])
        {
            yield return pair.Value ?? string.Empty;
        }

        foreach (var scope in record.Scopes)
        {
            yield return scope?.ToString() ?? string.Empty;
        }

        if (record.Exception is { } exception)
        {
            yield return exception.ToString();
        }
    }

    private static void AssertNothingSensitive(IReadOnlyList<FakeLogRecord> records, IEnumerable<SentRequest> requests, params string[] secrets)
    {
        var forbidden = secrets.Concat([TestClients.Token, "https://", "ccs.test"]).Concat(requests.Select(r => r.Uri.ToString())).ToList();
        foreach (var record in records)
        {
            foreach (var text in Texts(record))
            {
                foreach (var secret in forbidden)
                {
                    Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"log record '{record.Message}' contains '{secret}'");
                }
            }
        }
    }

    // ---- logs ----

    [Fact]
    public async Task A_retried_search_logs_attempts_and_retries_without_tokens_phone_numbers_or_urls()
    {
        var (h, logs, factory) = WithLogging(maxRetries: 3);
        using var _ = h;
        using var __ = factory;
        h.Handler.Status(503).Status(503).Ok("[]");

        await h.RunAsync(h.Client.Calls.SearchAsync(Search));

        var records = logs.GetSnapshot();
        Assert.All(records, r => Assert.Equal("CcsClient", r.Category));

        var attempts = records.Where(r => r.Level == LogLevel.Debug && Regex.IsMatch(r.Message, @"attempt \d+$")).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.Equal(["1", "2", "3"], attempts.Select(r => r.GetStructuredStateValue("Attempt")));
        Assert.All(attempts, r => Assert.Equal("searchCalls", r.GetStructuredStateValue("OperationId")));

        var retries = records.Where(r => r.Level == LogLevel.Warning).ToList();
        Assert.Equal(2, retries.Count);
        Assert.All(retries, r => Assert.Contains("retrying", r.Message));
        Assert.All(retries, r => Assert.Equal("503", r.GetStructuredStateValue("Reason")));
        Assert.All(retries, r => Assert.Equal("/calls/filter", r.GetStructuredStateValue("PathTemplate")));
        var loggedDelays = retries.Select(r => double.Parse(r.GetStructuredStateValue("DelayMs")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(h.Clock.Delays.Count, loggedDelays.Count);
        for (var i = 0; i < loggedDelays.Count; i++)
        {
            // The clock's timers have millisecond resolution.
            Assert.InRange(loggedDelays[i] - h.Clock.Delays[i].TotalMilliseconds, 0, 1);
        }

        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Error);
        AssertNothingSensitive(records, h.Handler.Requests, "+15550100", "15550100", "15550199", "calling_number", "called_number");
    }

    [Fact]
    public async Task A_final_failure_logs_one_error()
    {
        var (h, logs, factory) = WithLogging(maxRetries: 2);
        using var _ = h;
        using var __ = factory;
        h.Handler.Status(503);

        var ex = await Assert.ThrowsAsync<CcsServerException>(() => h.RunAsync("getTenant"));

        var records = logs.GetSnapshot();
        var error = Assert.Single(records, r => r.Level >= LogLevel.Error);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Equal("getTenant", error.GetStructuredStateValue("OperationId"));
        Assert.Equal("3", error.GetStructuredStateValue("Attempts"));
        Assert.Equal("503", error.GetStructuredStateValue("Reason"));
        Assert.Equal(ex.RequestId, error.GetStructuredStateValue("RequestId"));
        Assert.Equal(2, records.Count(r => r.Level == LogLevel.Warning));
        AssertNothingSensitive(records, h.Handler.Requests, ClientHarness.TenantId.ToString());
    }

    [Fact]
    public async Task A_search_that_fails_logs_no_phone_numbers_either()
    {
        var (h, logs, factory) = WithLogging(maxRetries: 1);
        using var _ = h;
        using var __ = factory;
        h.Handler.Throws(() => new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        await Assert.ThrowsAsync<CcsApiException>(() => h.RunAsync(h.Client.Calls.SearchAsync(Search)));

        var records = logs.GetSnapshot();
        Assert.Single(records, r => r.Level == LogLevel.Error);
        AssertNothingSensitive(records, h.Handler.Requests, "15550100", "15550199", "calling_number");
    }

    // ---- traces ----

    private static ActivityListener ListenToSpans(ConcurrentQueue<Activity> stopped) => new()
    {
        ShouldListenTo = source => source.Name == "CcsClient",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        ActivityStopped = stopped.Enqueue,
    };

    [Fact]
    public async Task A_retried_operation_is_one_client_span_named_by_operation_id()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = ListenToSpans(stopped);
        ActivitySource.AddActivityListener(listener);
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Status(503).Status(503).Ok();

        using (var test = new Activity("test").Start())
        {
            await h.RunAsync("getTenant");
            var span = Assert.Single(stopped, a => a.TraceId == test.TraceId);

            Assert.Equal("getTenant", span.OperationName);
            Assert.Equal("getTenant", span.DisplayName);
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal(test.SpanId, span.ParentSpanId);
            Assert.Equal("GET", span.GetTagItem("http.request.method"));
            Assert.Equal("/tenants/{tenantUuid}", span.GetTagItem("url.template"));
            Assert.Equal("ccs.test", span.GetTagItem("server.address"));
            Assert.Equal(443, span.GetTagItem("server.port"));
            Assert.Equal(200, span.GetTagItem("http.response.status_code"));
            Assert.NotEqual(ActivityStatusCode.Error, span.Status);
            Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains(ClientHarness.TenantId.ToString(), StringComparison.OrdinalIgnoreCase) == true);
        }
    }

    [Fact]
    public async Task Each_operation_gets_its_own_span_and_failures_are_marked()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = ListenToSpans(stopped);
        ActivitySource.AddActivityListener(listener);
        using var h = new ClientHarness(maxRetries: 1);
        h.Handler.Ok("[]").Status(404);

        using (var test = new Activity("test").Start())
        {
            await h.Client.Tenants.ListAsync();
            await Assert.ThrowsAsync<CcsNotFoundException>(() => h.RunAsync("getTenant"));
            var spans = stopped.Where(a => a.TraceId == test.TraceId).ToList();

            Assert.Equal(["listTenants", "getTenant"], spans.Select(s => s.OperationName));
            Assert.Equal(2, spans.Select(s => s.SpanId).Distinct().Count());
            Assert.Equal("/tenants", spans[0].GetTagItem("url.template"));
            var failed = spans[1];
            Assert.Equal(404, failed.GetTagItem("http.response.status_code"));
            Assert.Equal("404", failed.GetTagItem("error.type"));
            Assert.Equal(ActivityStatusCode.Error, failed.Status);
        }
    }

    // ---- metrics ----

    private sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

    private static MeterListener ListenToMetrics(ConcurrentQueue<Measurement> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "CcsClient")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        listener.Start();
        return listener;

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (ThisTest.Value)
            {
                measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        }
    }

    [Fact]
    public async Task Metrics_record_one_duration_per_operation_and_count_retries()
    {
        ThisTest.Value = true;
        var measurements = new ConcurrentQueue<Measurement>();
        using var listener = ListenToMetrics(measurements);
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Status(503).Status(503).Ok();

        await h.RunAsync("getTenant");

        var duration = Assert.Single(measurements, m => m.Instrument == "ccs.client.request.duration");
        Assert.Equal("getTenant", duration.Tags["ccs.operation"]);
        Assert.Equal(200, duration.Tags["http.response.status_code"]);
        Assert.Equal(h.Clock.Elapsed.TotalSeconds, duration.Value, precision: 6); // retries and backoff included

        var retries = measurements.Where(m => m.Instrument == "ccs.client.request.retries").ToList();
        Assert.Equal(2, retries.Sum(m => m.Value));
        Assert.All(retries, m => Assert.Equal("getTenant", m.Tags["ccs.operation"]));
        Assert.All(retries, m => Assert.Equal("503", m.Tags["reason"]));

        Assert.DoesNotContain(measurements, m => m.Instrument == "ccs.client.request.failures");
    }

    [Fact]
    public async Task Metrics_count_a_failed_operation_once()
    {
        ThisTest.Value = true;
        var measurements = new ConcurrentQueue<Measurement>();
        using var listener = ListenToMetrics(measurements);
        using var h = new ClientHarness(maxRetries: 1);
        h.Handler.Status(503);

        await Assert.ThrowsAsync<CcsServerException>(() => h.RunAsync("getTenant"));

        Assert.Single(measurements, m => m.Instrument == "ccs.client.request.duration");
        Assert.Equal(1, measurements.Where(m => m.Instrument == "ccs.client.request.retries").Sum(m => m.Value));
        var failure = Assert.Single(measurements, m => m.Instrument == "ccs.client.request.failures");
        Assert.Equal(1, failure.Value);
        Assert.Equal("getTenant", failure.Tags["ccs.operation"]);
        Assert.Equal(503, failure.Tags["error.type"]);
    }

    [Fact]
    public async Task Metrics_count_a_failure_without_a_response()
    {
        ThisTest.Value = true;
        var measurements = new ConcurrentQueue<Measurement>();
        using var listener = ListenToMetrics(measurements);
        using var h = new ClientHarness(maxRetries: 0);
        h.Options.Retry.AttemptTimeout = TimeSpan.FromSeconds(2);
        h.Handler.Hangs();

        await Assert.ThrowsAsync<CcsApiException>(() => h.RunAsync("getTenant"));

        var failure = Assert.Single(measurements, m => m.Instrument == "ccs.client.request.failures");
        Assert.Equal("getTenant", failure.Tags["ccs.operation"]);
        Assert.NotNull(failure.Tags["error.type"]);
        Assert.Single(measurements, m => m.Instrument == "ccs.client.request.duration");
    }

    // ---- User-Agent and X-Request-Id ----

    [Fact]
    public async Task Requests_carry_a_User_Agent_and_a_request_id_that_is_stable_across_retries()
    {
        using var h = new ClientHarness(maxRetries: 3);
        h.Handler.Status(503).Status(503).Ok().Ok("[]");

        await h.RunAsync("getTenant");
        await h.RunAsync(h.Client.Tenants.ListAsync());

        var requests = h.Handler.Requests;
        Assert.Equal(4, requests.Count);
        Assert.All(requests, r => Assert.Matches(UserAgentPattern, r.UserAgent));
        Assert.All(requests, r => Assert.False(string.IsNullOrWhiteSpace(r.RequestId)));
        Assert.Single(requests.Take(3).Select(r => r.RequestId).Distinct()); // one operation, three attempts, one id
        Assert.NotEqual(requests[0].RequestId, requests[3].RequestId); // another operation, another id
    }

    [Fact]
    public async Task The_exception_carries_the_sent_request_id_when_the_server_sends_none()
    {
        using var h = new ClientHarness(maxRetries: 2);
        h.Handler.Status(503);

        var ex = await Assert.ThrowsAsync<CcsServerException>(() => h.RunAsync("getTenant"));

        Assert.Equal(3, h.Handler.Sends);
        Assert.All(h.Handler.Requests, r => Assert.Equal(ex.RequestId, r.RequestId));
        Assert.Contains(ex.RequestId!, ex.Message);
    }

    [Fact]
    public async Task The_exception_prefers_the_servers_request_id()
    {
        using var h = new ClientHarness(maxRetries: 0);
        h.Handler.Then(_ =>
        {
            var response = ScriptedHandler.Response(500);
            response.Headers.TryAddWithoutValidation("X-Request-Id", "srv-7f3a");
            return response;
        });

        var ex = await Assert.ThrowsAsync<CcsServerException>(() => h.RunAsync("getTenant"));

        Assert.Equal("srv-7f3a", ex.RequestId);
    }

    [Fact]
    public async Task User_Agent_and_request_id_arrive_on_the_wire()
    {
        using var stub = new SpecStubServer();
        using var ccs = new CcsClient(TestClients.Options(stub.BaseUri.ToString()));

        await ccs.Tenants.ListAsync();
        await ccs.Roles.ListAsync();

        var tenants = Assert.Single(stub.RequestsFor("listTenants")).RequestMessage;
        var roles = Assert.Single(stub.RequestsFor("listRoles")).RequestMessage;
        Assert.Matches(UserAgentPattern, Header(tenants, "User-Agent"));
        Assert.False(string.IsNullOrEmpty(Header(tenants, "X-Request-Id")));
        Assert.NotEqual(Header(tenants, "X-Request-Id"), Header(roles, "X-Request-Id"));
    }

    private static string? Header(WireMock.IRequestMessage request, string name)
        => request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();
}
