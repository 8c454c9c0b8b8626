using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Ccs.Http;
using Ccs.Models;
using Ccs.Serialization;

namespace Ccs;

/// <summary>The product catalog (<c>/products/</c>). Reach it through <see cref="CcsClient.Products"/>.</summary>
public class ProductOperations : OperationGroup
{
    /// <summary>For mocking frameworks.</summary>
    protected ProductOperations()
    {
    }

    internal ProductOperations(CcsClientContext context)
        : base(context)
    {
    }

    /// <summary>Lists all contact center products (<c>listProducts</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The products.</returns>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task<IReadOnlyList<Product>> ListAsync(CancellationToken cancellationToken = default)
        => Context.Sender.SendAsync(CcsOperation.ListProducts, Context.Paths.Products, CcsJsonContext.Default.IReadOnlyListProduct, cancellationToken);
}
