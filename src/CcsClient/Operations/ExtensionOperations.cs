using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Ccs.Http;
using Ccs.Models;
using Ccs.Serialization;

namespace Ccs;

/// <summary>The extensions of a tenant (<c>/tenants/{tenantUuid}/extensions</c>). Reach it through <see cref="CcsClient.Extensions"/>.</summary>
public class ExtensionOperations : OperationGroup
{
    /// <summary>For mocking frameworks.</summary>
    protected ExtensionOperations()
    {
    }

    internal ExtensionOperations(CcsClientContext context)
        : base(context)
    {
    }

    /// <summary>Lists the extensions of a tenant (<c>listTenantExtensions</c>).</summary>
    /// <param name="tenantId">The tenant id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant's extensions.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is <see cref="Guid.Empty"/>.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task<IReadOnlyList<Extension>> ListAsync(Guid tenantId, CancellationToken cancellationToken = default)
        => Context.Sender.SendAsync(
            CcsOperation.ListTenantExtensions,
            Context.Paths.TenantExtensions.Bind(Argument.NotEmpty(tenantId, nameof(tenantId))),
            CcsJsonContext.Default.IReadOnlyListExtension,
            cancellationToken);

    /// <summary>Updates an extension's name or role (<c>updateTenantExtension</c>). Fields left null are not changed.</summary>
    /// <param name="tenantId">The tenant id.</param>
    /// <param name="extensionId">The extension id.</param>
    /// <param name="update">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has applied the change.</returns>
    /// <exception cref="ArgumentException">An id is <see cref="Guid.Empty"/> or <paramref name="update"/> is null.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task UpdateAsync(Guid tenantId, Guid extensionId, ExtensionUpdate update, CancellationToken cancellationToken = default)
    {
        Argument.NotEmpty(tenantId, nameof(tenantId));
        Argument.NotEmpty(extensionId, nameof(extensionId));
        Argument.NotNull(update, nameof(update));
        var uri = Context.Paths.TenantExtension.Bind(tenantId, extensionId);
        return Context.Sender.SendAsync(CcsOperation.UpdateTenantExtension, uri, update, CcsJsonContext.Default.ExtensionUpdate, cancellationToken);
    }
}
