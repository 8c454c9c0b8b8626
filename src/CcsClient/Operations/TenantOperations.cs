using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Ccs.Http;
using Ccs.Models;
using Ccs.Serialization;

namespace Ccs;

/// <summary>Tenants and their configuration (<c>/tenants</c>). Reach it through <see cref="CcsClient.Tenants"/>.</summary>
public class TenantOperations : OperationGroup
{
    /// <summary>For mocking frameworks.</summary>
    protected TenantOperations()
    {
    }

    internal TenantOperations(CcsClientContext context)
        : base(context)
    {
    }

    /// <summary>Lists all tenants managed by the contact center (<c>listTenants</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenants.</returns>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken = default)
        => Context.Sender.SendAsync(CcsOperation.ListTenants, Context.Paths.Tenants, CcsJsonContext.Default.IReadOnlyListTenant, cancellationToken);

    /// <summary>Gets one tenant's configuration (<c>getTenant</c>).</summary>
    /// <param name="tenantId">The tenant id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is <see cref="Guid.Empty"/>.</exception>
    /// <exception cref="CcsNotFoundException">No tenant has this id.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task<Tenant> GetAsync(Guid tenantId, CancellationToken cancellationToken = default)
        => Context.Sender.SendAsync(CcsOperation.GetTenant, Context.Paths.Tenant.Bind(Id(tenantId)), CcsJsonContext.Default.Tenant, cancellationToken);

    /// <summary>Adds and removes product assignments of a tenant (<c>updateTenantProducts</c>).</summary>
    /// <param name="tenantId">The tenant id.</param>
    /// <param name="update">The product ids to add and to remove.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has applied the change.</returns>
    /// <exception cref="ArgumentException">An argument is empty, null, or a product id is blank.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task UpdateProductsAsync(Guid tenantId, TenantProductsUpdate update, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(update, nameof(update));
        CheckProductIds(update.Add, nameof(update));
        CheckProductIds(update.Remove, nameof(update));
        return Context.Sender.SendAsync(CcsOperation.UpdateTenantProducts, Context.Paths.Tenant.Bind(Id(tenantId)), update, CcsJsonContext.Default.TenantProductsUpdate, cancellationToken);
    }

    /// <summary>Updates usage limits and license counts of a tenant (<c>updateTenantLimits</c>). Limits left null are not changed.</summary>
    /// <param name="tenantId">The tenant id.</param>
    /// <param name="limits">The new limits; none may be negative.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has applied the change.</returns>
    /// <exception cref="ArgumentException">An argument is empty, null or a limit is negative.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task UpdateLimitsAsync(Guid tenantId, TenantLimitsUpdate limits, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(limits, nameof(limits));
        Argument.NotNegative(limits.MaxAgents, nameof(limits), nameof(limits.MaxAgents));
        Argument.NotNegative(limits.MaxCalls, nameof(limits), nameof(limits.MaxCalls));
        Argument.NotNegative(limits.SmsLimit, nameof(limits), nameof(limits.SmsLimit));
        return Context.Sender.SendAsync(CcsOperation.UpdateTenantLimits, Context.Paths.Tenant.Bind(Id(tenantId)), limits, CcsJsonContext.Default.TenantLimitsUpdate, cancellationToken);
    }

    /// <summary>Lists the roles configured for a tenant (<c>listTenantRoles</c>).</summary>
    /// <param name="tenantId">The tenant id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant's roles.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is <see cref="Guid.Empty"/>.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task<IReadOnlyList<Role>> ListRolesAsync(Guid tenantId, CancellationToken cancellationToken = default)
        => Context.Sender.SendAsync(CcsOperation.ListTenantRoles, Context.Paths.TenantRoles.Bind(Id(tenantId)), CcsJsonContext.Default.IReadOnlyListRole, cancellationToken);

    /// <summary>Lists the Automatic Call Distributors (queues) of a tenant (<c>listTenantACDs</c>).</summary>
    /// <param name="tenantId">The tenant id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant's queues with their current counters.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is <see cref="Guid.Empty"/>.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task<IReadOnlyList<Acd>> ListAcdsAsync(Guid tenantId, CancellationToken cancellationToken = default)
        => Context.Sender.SendAsync(CcsOperation.ListTenantAcds, Context.Paths.TenantAcds.Bind(Id(tenantId)), CcsJsonContext.Default.IReadOnlyListAcd, cancellationToken);

    /// <summary>Lists the presence options agents of a tenant can choose (<c>listPresenceOptions</c>).</summary>
    /// <param name="tenantId">The tenant id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The presence options.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is <see cref="Guid.Empty"/>.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task<IReadOnlyList<PresenceOption>> ListPresenceOptionsAsync(Guid tenantId, CancellationToken cancellationToken = default)
        => Context.Sender.SendAsync(CcsOperation.ListPresenceOptions, Context.Paths.TenantPresenceOptions.Bind(Id(tenantId)), CcsJsonContext.Default.IReadOnlyListPresenceOption, cancellationToken);

    /// <summary>Gets the SMS/MMS message count of a tenant (<c>getTextMessageCount</c>).</summary>
    /// <param name="tenantId">The tenant id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The counts and the start of the counting period.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is <see cref="Guid.Empty"/>.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task<TextCount> GetTextCountAsync(Guid tenantId, CancellationToken cancellationToken = default)
        => Context.Sender.SendAsync(CcsOperation.GetTextMessageCount, Context.Paths.TenantTextCount.Bind(Id(tenantId)), CcsJsonContext.Default.TextCount, cancellationToken);

    /// <summary>Resets the SMS/MMS message count of a tenant (<c>resetTextMessageCount</c>).</summary>
    /// <param name="tenantId">The tenant id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the count is reset.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is <see cref="Guid.Empty"/>.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task ResetTextCountAsync(Guid tenantId, CancellationToken cancellationToken = default)
        => Context.Sender.SendAsync(CcsOperation.ResetTextMessageCount, Context.Paths.TenantTextCount.Bind(Id(tenantId)), cancellationToken);

    private static Guid Id(Guid tenantId) => Argument.NotEmpty(tenantId, nameof(tenantId));

    private static void CheckProductIds(IReadOnlyList<string>? ids, string paramName)
    {
        if (ids is null)
        {
            return;
        }

        foreach (var id in ids)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException("Product ids must not be null, empty or white space.", paramName);
            }
        }
    }
}
