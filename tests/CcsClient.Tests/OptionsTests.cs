using System.Net;
using Ccs.Tests.Support;

namespace Ccs.Tests;

public class OptionsTests
{
    [Fact]
    public void Default_base_uri_is_the_windstream_domain()
        => Assert.Equal("https://ccs.windstreamenterprise.com/6/v2/api", new CcsClientOptions().GetBaseUri().AbsoluteUri);

    [Fact]
    public void Domain_builds_the_base_uri()
        => Assert.Equal("https://ccs.example.com/6/v2/api", new CcsClientOptions { Domain = "ccs.example.com" }.GetBaseUri().AbsoluteUri);

    [Fact]
    public void Base_uri_overrides_domain()
    {
        var options = new CcsClientOptions { Domain = "ccs.example.com", BaseUri = new Uri("https://other.example.net/custom/api") };

        Assert.Equal("https://other.example.net/custom/api", options.GetBaseUri().AbsoluteUri);
    }

    [Fact]
    public void Client_reports_the_base_uri_it_calls()
    {
        using var ccs = new CcsClient(new CcsClientOptions { Domain = "ccs.example.com", AccessToken = TestClients.Token }, new RecordingHandler());

        Assert.Equal("https://ccs.example.com/6/v2/api", ccs.BaseUri.AbsoluteUri);
    }

    [Fact]
    public async Task Trailing_slash_on_base_uri_is_tolerated()
    {
        var handler = new RecordingHandler();
        using var ccs = TestClients.Over(handler, "https://ccs.test/6/v2/api/");

        await ccs.Tenants.ListAsync();

        Assert.Equal("https://ccs.test/6/v2/api/tenants", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Domain_option_sends_requests_to_that_domain()
    {
        var handler = new RecordingHandler();
        using var ccs = new CcsClient(new CcsClientOptions { Domain = "ccs.example.com", AccessToken = TestClients.Token }, handler);

        await ccs.Products.ListAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://ccs.example.com/6/v2/api/products/", request.Uri.AbsoluteUri);
        Assert.Equal($"Bearer {TestClients.Token}", request.Authorization);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_access_token_is_rejected(string? token)
    {
        var options = new CcsClientOptions { AccessToken = token };

        var ex = Assert.ThrowsAny<ArgumentException>(() => new CcsClient(options, new RecordingHandler()));

        Assert.Contains("AccessToken", ex.Message);
    }

    [Fact]
    public void Missing_options_are_rejected()
        => Assert.ThrowsAny<ArgumentException>(() => new CcsClient(null!, new RecordingHandler()));

    [Theory]
    [InlineData("https://x")]
    [InlineData("x/y")]
    [InlineData("ccs.example.com/6/v2/api")]
    [InlineData("")]
    [InlineData("   ")]
    public void Domain_that_is_not_a_host_name_is_rejected(string domain)
    {
        var options = new CcsClientOptions { Domain = domain, AccessToken = TestClients.Token };

        Assert.Contains("Domain", Assert.ThrowsAny<ArgumentException>(() => options.GetBaseUri()).Message);
        Assert.Contains("Domain", Assert.ThrowsAny<ArgumentException>(() => new CcsClient(options, new RecordingHandler())).Message);
    }

    [Theory]
    [InlineData("http://ccs.example.com/6/v2/api")]
    [InlineData("http://10.0.0.5/6/v2/api")]
    public void Plain_http_to_a_remote_host_is_rejected(string baseUri)
    {
        var options = new CcsClientOptions { BaseUri = new Uri(baseUri), AccessToken = TestClients.Token };

        Assert.Contains("https", Assert.ThrowsAny<ArgumentException>(() => options.GetBaseUri()).Message);
        Assert.Contains("https", Assert.ThrowsAny<ArgumentException>(() => new CcsClient(options, new RecordingHandler())).Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/6/v2/api")]
    [InlineData("http://localhost:5000/6/v2/api")]
    [InlineData("http://[::1]:5000/6/v2/api")]
    public async Task Plain_http_to_loopback_is_accepted(string baseUri)
    {
        var handler = new RecordingHandler();
        using var ccs = TestClients.Over(handler, baseUri);

        await ccs.Tenants.ListAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal(baseUri + "/tenants", request.Uri.AbsoluteUri);
        Assert.Equal($"Bearer {TestClients.Token}", request.Authorization);
    }

    [Fact]
    public void Relative_base_uri_is_rejected()
    {
        var options = new CcsClientOptions { BaseUri = new Uri("/6/v2/api", UriKind.Relative), AccessToken = TestClients.Token };

        Assert.Contains("BaseUri", Assert.ThrowsAny<ArgumentException>(() => options.GetBaseUri()).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    public void Non_positive_timeout_is_rejected(int milliseconds)
    {
        var options = TestClients.Options();
        options.Timeout = TimeSpan.FromMilliseconds(milliseconds);

        var ex = Assert.ThrowsAny<ArgumentException>(() => new CcsClient(options, new RecordingHandler()));

        Assert.Contains("Timeout", ex.Message);
    }

    [Fact]
    public void Infinite_timeout_is_accepted()
    {
        var options = TestClients.Options();
        options.Timeout = Timeout.InfiniteTimeSpan;

        using var ccs = new CcsClient(options, new RecordingHandler());

        Assert.NotNull(ccs.Tenants);
    }

    [Fact]
    public void Options_text_does_not_show_the_token()
    {
        var text = TestClients.Options().ToString();

        Assert.DoesNotContain(TestClients.Token, text, StringComparison.Ordinal);
        Assert.Contains("https://ccs.test/6/v2/api", text);
    }

    [Fact]
    public void Error_text_for_invalid_options_does_not_show_the_token()
    {
        var options = TestClients.Options();
        options.Timeout = TimeSpan.Zero;

        var ex = Assert.ThrowsAny<ArgumentException>(() => new CcsClient(options, new RecordingHandler()));

        Assert.DoesNotContain(TestClients.Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/x")]
    [InlineData("https://ccs.test.evil.example/6/v2/api/tenants")]
    [InlineData("http://ccs.test/6/v2/api/tenants")]
    [InlineData("https://ccs.test:8443/6/v2/api/tenants")]
    public async Task Token_is_sent_only_to_the_configured_origin(string foreignUrl)
    {
        var handler = new RecordingHandler();
        using var ccs = TestClients.Over(handler);

        await ccs.GeneratedClient.Tenants.WithUrl(foreignUrl).GetAsync();
        await ccs.GeneratedClient.Tenants.GetAsync();

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(new Uri(foreignUrl), handler.Requests[0].Uri);
        Assert.Null(handler.Requests[0].Authorization);
        Assert.Equal("https://ccs.test/6/v2/api/tenants", handler.Requests[1].Uri.AbsoluteUri);
        Assert.Equal($"Bearer {TestClients.Token}", handler.Requests[1].Authorization);
    }

    [Fact]
    public async Task Caller_supplied_handler_is_not_disposed()
    {
        var handler = new DisposeTrackingHandler();
        var ccs = TestClients.Over(handler);
        await ccs.Tenants.ListAsync();

        ccs.Dispose();

        Assert.False(handler.Disposed);
        using var again = TestClients.Over(handler);
        await again.Tenants.ListAsync();
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task Caller_supplied_http_client_is_not_disposed()
    {
        var handler = new DisposeTrackingHandler();
        using var http = new HttpClient(handler);
        var ccs = new CcsClient(TestClients.Options(), http);

        ccs.Dispose();

        Assert.False(handler.Disposed);
        using var response = await http.GetAsync(new Uri("https://ccs.test/still-usable"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Caller_supplied_http_client_sends_to_the_base_uri_not_its_base_address()
    {
        var handler = new DisposeTrackingHandler();
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://elsewhere.example/") };
        using var ccs = new CcsClient(TestClients.Options(), http);

        await ccs.Tenants.ListAsync();

        Assert.Equal(1, handler.Calls);
        Assert.Equal("https://ccs.test/6/v2/api/tenants", handler.LastUri?.AbsoluteUri);
        Assert.Equal($"Bearer {TestClients.Token}", handler.LastAuthorization);
    }

    private sealed class DisposeTrackingHandler : HttpMessageHandler
    {
        public bool Disposed { get; private set; }

        public int Calls { get; private set; }

        public Uri? LastUri { get; private set; }

        public string? LastAuthorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(Disposed, this);
            Calls++;
            LastUri = request.RequestUri;
            LastAuthorization = request.Headers.Authorization?.ToString();
            return Task.FromResult(RecordingHandler.Json("[]"));
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
