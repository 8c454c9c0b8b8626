using System.Globalization;
using System.Net;
using System.Text;

namespace Ccs.Benchmarks;

/// <summary>Spec-valid JSON bodies, built once, and an in-memory handler that answers with them.</summary>
public static class CannedResponses
{
    public static byte[] Tenants(int count) => Array(count, i =>
        $$"""{"uuid":"{{Id(i)}}","name":"Tenant {{i}}","status":"{{(i % 3 == 0 ? "active" : i % 3 == 1 ? "inactive" : "suspended")}}","max_agents":{{10 + i}},"max_calls":{{20 + i}}}""");

    public static byte[] Tenant() => Encoding.UTF8.GetBytes($$"""{"uuid":"{{Id(7)}}","name":"Tenant 7","status":"active","max_agents":17,"max_calls":27}""");

    public static byte[] Calls(int count) => Array(count, i =>
        $$"""{"id":"call-{{i}}","calling_number":"+1555010{{i:D4}}","called_number":"+1555020{{i:D4}}","state":"{{States[i % States.Length]}}","tenant_uuid":"{{Id(i % 5)}}","started_at":"{{new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero).AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}","duration":{{i * 3}}}""");

    private static readonly string[] States = ["alerting", "connected", "held", "queued", "completed"];

    public static string Id(int i) => new Guid(i, 0x1234, 0x4abc, 0x8d, 0x9e, 0x0f, 0x10, 0x21, 0x32, 0x43, 0x54).ToString();

    private static byte[] Array(int count, Func<int, string> item)
        => Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, count).Select(item)) + "]");
}

/// <summary>Answers every request with the same canned body, without I/O: what is measured is the client.</summary>
public sealed class CannedHandler(byte[] body) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(body) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return Task.FromResult(response);
    }
}
