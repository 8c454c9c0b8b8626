using System.Threading;
using System.Threading.Tasks;

namespace Ccs.Auth;

/// <summary>Serves <see cref="CcsClientOptions.AccessToken"/>, a token that never changes.</summary>
internal sealed class StaticTokenProvider : ICcsTokenProvider
{
    private readonly CcsAccessToken _token;

    public StaticTokenProvider(string token) => _token = new CcsAccessToken(token);

    public ValueTask<CcsAccessToken> GetTokenAsync(CancellationToken cancellationToken) => new(_token);
}
