using System.Threading;
using System.Threading.Tasks;

namespace Ccs;

/// <summary>
/// Supplies bearer tokens for the CCS API, for example from your identity system. The client caches
/// the token, asks for a new one shortly before <see cref="CcsAccessToken.ExpiresOn"/> (one caller at
/// a time), and once more when the API answers 401.
/// </summary>
public interface ICcsTokenProvider
{
    /// <summary>Gets a token.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The token and its expiry.</returns>
    ValueTask<CcsAccessToken> GetTokenAsync(CancellationToken cancellationToken);
}
