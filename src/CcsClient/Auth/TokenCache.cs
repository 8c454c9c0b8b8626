using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Ccs.Auth;

/// <summary>
/// Caches the token of one client and refreshes it ahead of expiry, one caller at a time: a hundred
/// concurrent calls with an expired token make one provider call. The same cache serves REST and
/// WebSocket connects.
/// </summary>
internal sealed class TokenCache : IDisposable
{
    private readonly ICcsTokenProvider _provider;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshBefore;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Entry? _current;

    public TokenCache(ICcsTokenProvider provider, TimeProvider time, TimeSpan refreshBefore)
    {
        _provider = provider;
        _time = time;
        _refreshBefore = refreshBefore;
    }

    /// <summary>Returns the cached token, refreshing it first when it is missing or about to expire.</summary>
    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && IsFresh(current)
            ? new ValueTask<string>(current.Token)
            : new ValueTask<string>(RefreshAsync(rejected: null, cancellationToken));
    }

    /// <summary>
    /// Gets a new token because the server rejected <paramref name="rejected"/>. When another caller
    /// has already replaced that token, its replacement is returned without asking the provider again.
    /// </summary>
    public async Task<string> RefreshAsync(string? rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (current is not null && IsFresh(current) && (rejected is null || !string.Equals(current.Token, rejected, StringComparison.Ordinal)))
            {
                return current.Token;
            }

            CcsAccessToken token;
            try
            {
                token = await _provider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not CcsApiException)
            {
                throw new CcsAuthenticationException(
                    $"The token provider failed: {ex.GetType().Name}.",
                    new CcsErrorDetails { StatusCode = (HttpStatusCode?)null },
                    ex);
            }

            if (string.IsNullOrWhiteSpace(token.Token))
            {
                throw new CcsAuthenticationException("The token provider returned no token.", new CcsErrorDetails());
            }

            Volatile.Write(ref _current, new Entry(token.Token, token.ExpiresOn));
            return token.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsFresh(Entry entry) => entry.ExpiresOn is not { } expiresOn || _time.GetUtcNow() + _refreshBefore < expiresOn;

    private sealed record Entry(string Token, DateTimeOffset? ExpiresOn);
}
