using System.Collections.Generic;
using System.Text.Json;

namespace Ccs.Events.Wire;

/// <summary>Encodes the client's messages.</summary>
internal static class WireWriter
{
    public static byte[] Subscribe(IReadOnlyList<string> families, IReadOnlyList<string> tenantIds)
        => JsonSerializer.SerializeToUtf8Bytes(
            new WireSubscribe { Families = families, TenantIds = tenantIds.Count == 0 ? null : tenantIds },
            CcsEventJsonContext.Default.WireSubscribe);

    public static byte[] Resume(string sessionId, long lastSequence)
        => JsonSerializer.SerializeToUtf8Bytes(
            new WireResume { SessionId = sessionId, LastSeq = lastSequence },
            CcsEventJsonContext.Default.WireResume);
}
