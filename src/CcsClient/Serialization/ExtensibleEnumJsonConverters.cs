using Ccs.Models;

namespace Ccs.Serialization;

/// <summary>JSON converter for <see cref="CallState"/>.</summary>
internal sealed class CallStateJsonConverter : ExtensibleEnumJsonConverter<CallState>
{
    public CallStateJsonConverter()
        : base(v => new CallState(v), CallState.Alerting, CallState.Connected, CallState.Held, CallState.Queued, CallState.Completed)
    {
    }
}

/// <summary>JSON converter for <see cref="TenantStatus"/>.</summary>
internal sealed class TenantStatusJsonConverter : ExtensibleEnumJsonConverter<TenantStatus>
{
    public TenantStatusJsonConverter()
        : base(v => new TenantStatus(v), TenantStatus.Active, TenantStatus.Inactive, TenantStatus.Suspended)
    {
    }
}

/// <summary>JSON converter for <see cref="RoleName"/>.</summary>
internal sealed class RoleNameJsonConverter : ExtensibleEnumJsonConverter<RoleName>
{
    public RoleNameJsonConverter()
        : base(v => new RoleName(v), RoleName.Api, RoleName.AgentControl, RoleName.CallControl, RoleName.AgentEvents, RoleName.CallEvents, RoleName.InboundQueueEvents)
    {
    }
}

/// <summary>JSON converter for <see cref="CallAction"/>.</summary>
internal sealed class CallActionJsonConverter : ExtensibleEnumJsonConverter<CallAction>
{
    public CallActionJsonConverter()
        : base(v => new CallAction(v), CallAction.StartSuppression, CallAction.StopSuppression, CallAction.Kill, CallAction.WaitTransfer, CallAction.WaitRedirect, CallAction.WaitKill)
    {
    }
}
