using System;
using System.Threading;
using System.Threading.Tasks;

namespace Ccs.Auth;

/// <summary>Adapts a delegate (<see cref="CcsClientOptions.TokenProvider"/> given as a function) to <see cref="ICcsTokenProvider"/>.</summary>
internal sealed class DelegateTokenProvider : ICcsTokenProvider
{
    private readonly Func<CancellationToken, ValueTask<CcsAccessToken>> _getToken;

    public DelegateTokenProvider(Func<CancellationToken, ValueTask<CcsAccessToken>> getToken) => _getToken = getToken;

    public ValueTask<CcsAccessToken> GetTokenAsync(CancellationToken cancellationToken) => _getToken(cancellationToken);
}
