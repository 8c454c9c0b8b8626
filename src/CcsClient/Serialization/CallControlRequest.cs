using System.Text.Json.Serialization;
using Ccs.Models;

namespace Ccs.Serialization;

/// <summary>The body of <c>controlCall</c>; the facade takes the action as a parameter.</summary>
internal sealed class CallControlRequest
{
    [JsonPropertyName("action")]
    public CallAction Action { get; init; }
}
