using Ccs.Tests.Support;

namespace Ccs.Tests;

/// <summary>Call ids are opaque: whatever they contain, they travel as one path segment under /calls/.</summary>
public class CallIdEncodingTests
{
    private const string CallsPath = "/6/v2/api/calls/";

    public static TheoryData<string> AwkwardIds =>
    [
        "a/b",
        "a?b=c",
        "a#frag",
        "100%",
        "%2F",
        "a b",
        "a/../b",
        "../tenants",
        "..",
        ".",
        "call.42",
    ];

    private static string AssertSingleSegment(RecordedRequest request, string callId)
    {
        var original = request.Uri.OriginalString;
        Assert.StartsWith("https://ccs.test" + CallsPath, original, StringComparison.Ordinal);
        Assert.StartsWith(CallsPath, request.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(string.Empty, request.Uri.Query);

        var segment = original["https://ccs.test".Length..][CallsPath.Length..];
        Assert.DoesNotContain('/', segment);
        Assert.DoesNotContain('?', segment);
        Assert.DoesNotContain('#', segment);
        Assert.Equal(callId, Uri.UnescapeDataString(segment));

        // What the wire sees: the canonical path still ends in that one segment.
        Assert.Equal(CallsPath + segment, request.Uri.AbsolutePath);
        return segment;
    }

    [Theory]
    [MemberData(nameof(AwkwardIds))]
    public async Task Get_sends_the_id_as_one_path_segment(string callId)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"id":"x"}"""));
        using var ccs = TestClients.Over(handler);

        await ccs.Calls.GetAsync(callId);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        AssertSingleSegment(request, callId);
    }

    [Theory]
    [MemberData(nameof(AwkwardIds))]
    public async Task Control_sends_the_id_as_one_path_segment(string callId)
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        using var ccs = TestClients.Over(handler);

        await ccs.Calls.KillAsync(callId);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        AssertSingleSegment(request, callId);
        Assert.Equal("""{"action":"kill"}""", request.Body);
    }

    [Theory]
    [InlineData("..", "%2E%2E")]
    [InlineData(".", "%2E")]
    public async Task Dot_segments_are_not_resolved_away(string callId, string encoded)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"id":"x"}"""));
        using var ccs = TestClients.Over(handler);

        await ccs.Calls.GetAsync(callId);

        var uri = Assert.Single(handler.Requests).Uri;
        Assert.EndsWith("/calls/" + encoded, uri.AbsolutePath, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual("/6/v2/api/", uri.AbsolutePath);
        Assert.NotEqual("/6/v2/api/calls/", uri.AbsolutePath);
        Assert.NotEqual("/6/v2/api/calls", uri.AbsolutePath);
    }

    [Fact]
    public async Task Ordinary_ids_are_sent_unchanged()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"id":"x"}"""));
        using var ccs = TestClients.Over(handler);

        await ccs.Calls.GetAsync("c-123_ABC");

        Assert.Equal("https://ccs.test/6/v2/api/calls/c-123_ABC", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }
}
