using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Ccs.Auth;
using Microsoft.Extensions.Logging;
using Ccs.Events;

namespace Ccs;

/// <summary>
/// Settings of a <see cref="CcsClient"/>: where the CCS API is and how to authenticate. Bind it from
/// configuration or set it in code; <see cref="ToString"/> never shows the token.
/// </summary>
public sealed class CcsClientOptions
{
    /// <summary>The CCS domain used when neither <see cref="Domain"/> nor <see cref="BaseUri"/> is set.</summary>
    public const string DefaultDomain = "ccs.windstreamenterprise.com";

    /// <summary>The path of the REST API on a CCS domain (the OpenAPI server template is <c>https://{ccs_domain}/6/v2/api</c>).</summary>
    public const string ApiPath = "/6/v2/api";

    /// <summary>
    /// The CCS domain host name, for example <c>ccs.windstreamenterprise.com</c>. The base URL becomes
    /// <c>https://{Domain}/6/v2/api</c>. Ignored when <see cref="BaseUri"/> is set.
    /// </summary>
    public string Domain { get; set; } = DefaultDomain;

    /// <summary>
    /// The full base URL of the REST API, for example <c>https://ccs.example.com/6/v2/api</c>. Overrides
    /// <see cref="Domain"/>. Must be https, except for loopback addresses (local emulators and tests).
    /// </summary>
    public Uri? BaseUri { get; set; }

    /// <summary>
    /// A fixed bearer token sent as <c>Authorization: Bearer …</c> to the CCS API, and only to it.
    /// For tokens that expire, set <see cref="TokenProvider"/> instead.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// Supplies tokens that expire; takes precedence over <see cref="AccessToken"/>. The client caches
    /// the token, refreshes it <see cref="TokenRefreshBeforeExpiry"/> ahead of expiry (one caller at a
    /// time) and once more on a 401. See also <see cref="UseTokenProvider"/>.
    /// </summary>
    public ICcsTokenProvider? TokenProvider { get; set; }

    /// <summary>How long before its expiry a token is replaced. Default 2 minutes.</summary>
    public TimeSpan TokenRefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The overall deadline of one operation, retries and backoff included; past it the call fails
    /// with a <see cref="CcsApiException"/>. Default 100 seconds. Each attempt is also bounded by
    /// <see cref="CcsRetryOptions.AttemptTimeout"/>.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Settings of <see cref="CcsClient.Events"/>, the real-time event stream; the defaults when <see langword="null"/>.</summary>
    public CcsEventStreamOptions? Events { get; set; }

    /// <summary>How failed attempts are retried.</summary>
    public CcsRetryOptions Retry { get; set; } = new();

    /// <summary>The clock used for token expiry, backoff, Retry-After and deadlines (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where the client logs when it is created without dependency injection (with
    /// <c>AddCcsClient</c> the host's logging is used). Null: no logging.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Sets <see cref="TokenProvider"/> from a function, for example one that calls your identity system.</summary>
    /// <param name="getToken">Returns a token and its expiry.</param>
    /// <returns>These options, for chaining.</returns>
    public CcsClientOptions UseTokenProvider(Func<CancellationToken, ValueTask<CcsAccessToken>> getToken)
    {
        TokenProvider = new DelegateTokenProvider(Argument.NotNull(getToken, nameof(getToken)));
        return this;
    }

    /// <summary>Returns the base URL the client calls: <see cref="BaseUri"/> if set, else one built from <see cref="Domain"/>.</summary>
    /// <returns>The absolute base URL, without a trailing slash.</returns>
    /// <exception cref="ArgumentException">The domain or base URL is not usable.</exception>
    public Uri GetBaseUri()
    {
        var errors = Validate(requireToken: false);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), "options");
        }

        return ResolveBaseUri()!;
    }

    /// <summary>Describes the options without the token.</summary>
    /// <returns>The base URL, timeout and whether a token is set.</returns>
    public override string ToString()
        => $"CcsClientOptions {{ BaseUri = {ResolveBaseUri()?.ToString() ?? "(invalid)"}, AccessToken = {(string.IsNullOrEmpty(AccessToken) ? "(none)" : "***")}, TokenProvider = {(TokenProvider is null ? "(none)" : TokenProvider.GetType().Name)}, Timeout = {Timeout} }}";

    /// <summary>Checks the options and says, in words a person can act on, what is wrong.</summary>
    /// <param name="requireToken">Whether a missing token is an error.</param>
    /// <returns>The problems found; empty when the options are usable.</returns>
    internal List<string> Validate(bool requireToken)
    {
        var errors = new List<string>();
        if (BaseUri is null)
        {
            if (string.IsNullOrWhiteSpace(Domain) || Uri.CheckHostName(Domain) == UriHostNameType.Unknown)
            {
                errors.Add($"CcsClientOptions.Domain must be a host name such as '{DefaultDomain}' (no scheme or path); to give a full URL set BaseUri instead.");
            }
        }
        else if (!BaseUri.IsAbsoluteUri)
        {
            errors.Add("CcsClientOptions.BaseUri must be an absolute URL such as 'https://ccs.windstreamenterprise.com/6/v2/api'.");
        }
        else if (BaseUri.Scheme != Uri.UriSchemeHttps && !(BaseUri.Scheme == Uri.UriSchemeHttp && IsLoopback(BaseUri)))
        {
            errors.Add($"CcsClientOptions.BaseUri must use https (plain http is allowed only for loopback addresses); it is '{BaseUri.GetLeftPart(UriPartial.Authority)}'.");
        }

        if (requireToken && TokenProvider is null && string.IsNullOrWhiteSpace(AccessToken))
        {
            errors.Add("Neither CcsClientOptions.AccessToken nor CcsClientOptions.TokenProvider is set: give the bearer token issued for your CCS account (configuration key 'AccessToken').");
        }

        if (TokenRefreshBeforeExpiry < TimeSpan.Zero)
        {
            errors.Add($"CcsClientOptions.TokenRefreshBeforeExpiry must not be negative; it is {TokenRefreshBeforeExpiry}.");
        }

        if (Retry is null)
        {
            errors.Add("CcsClientOptions.Retry must not be null.");
        }
        else
        {
            Retry.Validate(errors);
        }

        if (TimeProvider is null)
        {
            errors.Add("CcsClientOptions.TimeProvider must not be null.");
        }

        if (Timeout != System.Threading.Timeout.InfiniteTimeSpan && (Timeout < MinTimeout || Timeout > MaxTimeout))
        {
            errors.Add($"CcsClientOptions.Timeout must be between {MinTimeout.TotalMilliseconds} ms and {MaxTimeout.TotalHours} hours (or Timeout.InfiniteTimeSpan); it is {Timeout}.");
        }

        return errors;
    }

    // The range Polly's timeout strategy accepts.
    internal static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    internal static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

    internal ICcsTokenProvider ResolveTokenProvider() => TokenProvider ?? new StaticTokenProvider(AccessToken!);

    internal static bool IsLoopback(Uri uri)
        => uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private Uri? ResolveBaseUri()
    {
        if (BaseUri is not null)
        {
            return BaseUri.IsAbsoluteUri ? new Uri(BaseUri.AbsoluteUri.TrimEnd('/')) : null;
        }

        return Uri.TryCreate($"https://{Domain}{ApiPath}", UriKind.Absolute, out var uri) ? uri : null;
    }
}
