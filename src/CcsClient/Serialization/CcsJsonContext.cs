using System.Collections.Generic;
using System.Text.Json.Serialization;
using Ccs.Models;

namespace Ccs.Serialization;

/// <summary>
/// Source-generated System.Text.Json metadata for every body the facade reads or writes: no
/// reflection, trimming- and AOT-safe, and several times cheaper than Kiota's parse-node models.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<Product>))]
[JsonSerializable(typeof(IReadOnlyList<Role>))]
[JsonSerializable(typeof(IReadOnlyList<Tenant>))]
[JsonSerializable(typeof(Tenant))]
[JsonSerializable(typeof(IReadOnlyList<Acd>))]
[JsonSerializable(typeof(IReadOnlyList<PresenceOption>))]
[JsonSerializable(typeof(IReadOnlyList<Extension>))]
[JsonSerializable(typeof(TextCount))]
[JsonSerializable(typeof(IReadOnlyList<Call>))]
[JsonSerializable(typeof(Call))]
[JsonSerializable(typeof(AgentState))]
[JsonSerializable(typeof(TenantProductsUpdate))]
[JsonSerializable(typeof(TenantLimitsUpdate))]
[JsonSerializable(typeof(ExtensionUpdate))]
[JsonSerializable(typeof(CallControlRequest))]
[JsonSerializable(typeof(AgentStateUpdate))]
internal sealed partial class CcsJsonContext : JsonSerializerContext
{
}
