namespace Ccs;

/// <summary>When a failed attempt of an operation may be sent again.</summary>
public enum CcsRetryMode
{
    /// <summary>
    /// Retry every transient failure: connection failures, per-attempt timeouts and the statuses
    /// 408, 429, 500, 502, 503 and 504. The default for GET and PUT, which are idempotent.
    /// </summary>
    AllTransientFailures = 0,

    /// <summary>
    /// Retry only when the server provably did not act: the connection was never established, or it
    /// answered 429. The default for the POST operations (controlCall, updateTenantProducts,
    /// resetTextMessageCount, updateAgentState), so a kill or transfer is never sent twice.
    /// </summary>
    OnlyWhenNotSent = 1,

    /// <summary>Never retry.</summary>
    Never = 2,
}
