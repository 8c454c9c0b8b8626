namespace Ccs.Tests.Support;

public static class TestClients
{
    public const string Token = "test-token-0123456789";

    /// <summary>Options for tests of single exchanges: retries off (the resilience tests turn them on, with a fake clock).</summary>
    public static CcsClientOptions Options(string baseUri = "https://ccs.test/6/v2/api") => new()
    {
        BaseUri = new Uri(baseUri),
        AccessToken = Token,
        Retry = { MaxRetries = 0 },
    };

    public static CcsClient Over(HttpMessageHandler transport, string baseUri = "https://ccs.test/6/v2/api")
        => new(Options(baseUri), transport);
}
