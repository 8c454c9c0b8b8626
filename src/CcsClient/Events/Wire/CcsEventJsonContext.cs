using System.Text.Json.Serialization;
using Ccs.Models;

namespace Ccs.Events.Wire;

/// <summary>
/// Source-generated System.Text.Json metadata for the event protocol: the wire messages and the REST
/// models that events carry as <c>data</c> (with their converters, so unknown call states survive).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WireMessage))]
[JsonSerializable(typeof(WireSubscribe))]
[JsonSerializable(typeof(WireResume))]
[JsonSerializable(typeof(AgentState))]
[JsonSerializable(typeof(Call))]
[JsonSerializable(typeof(Acd))]
internal sealed partial class CcsEventJsonContext : JsonSerializerContext
{
}
