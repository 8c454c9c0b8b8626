using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Ccs.Http;
using Ccs.Models;
using Ccs.Serialization;

namespace Ccs;

/// <summary>The roles and permissions of the system (<c>/roles/</c>). Reach it through <see cref="CcsClient.Roles"/>.</summary>
public class RoleOperations : OperationGroup
{
    /// <summary>For mocking frameworks.</summary>
    protected RoleOperations()
    {
    }

    internal RoleOperations(CcsClientContext context)
        : base(context)
    {
    }

    /// <summary>Lists all roles available in the system (<c>listRoles</c>). For one tenant's roles see <see cref="TenantOperations.ListRolesAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The roles.</returns>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task<IReadOnlyList<Role>> ListAsync(CancellationToken cancellationToken = default)
        => Context.Sender.SendAsync(CcsOperation.ListRoles, Context.Paths.Roles, CcsJsonContext.Default.IReadOnlyListRole, cancellationToken);
}
