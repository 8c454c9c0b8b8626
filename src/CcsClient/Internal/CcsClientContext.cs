using Ccs.Generated;
using Ccs.Http;

namespace Ccs;

/// <summary>What every operation group shares: the generated request builders, the paths learned from them, and the sender.</summary>
internal sealed class CcsClientContext
{
    public CcsClientContext(CcsApiClient api, CcsRequestSender sender)
    {
        Api = api;
        Sender = sender;
        Paths = new RequestPaths(api);
    }

    public CcsApiClient Api { get; }

    public CcsRequestSender Sender { get; }

    public RequestPaths Paths { get; }
}
