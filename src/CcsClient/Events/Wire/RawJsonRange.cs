using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccs.Events.Wire;

/// <summary>
/// Where a JSON value sits in the frame it was read from. The envelope is read once; <c>data</c> is
/// then decoded straight from the frame's bytes with its type's metadata, instead of being copied
/// into a <see cref="JsonElement"/> and parsed a second time.
/// </summary>
[JsonConverter(typeof(RawJsonRangeConverter))]
internal readonly struct RawJsonRange
{
    public RawJsonRange(int start, int length, JsonTokenType kind)
    {
        Start = start;
        Length = length;
        Kind = kind;
    }

    public int Start { get; }

    public int Length { get; }

    public JsonTokenType Kind { get; }
}

/// <summary>Records the position of a value and skips it. Valid for envelopes read from one contiguous span.</summary>
internal sealed class RawJsonRangeConverter : JsonConverter<RawJsonRange>
{
    public override RawJsonRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var start = checked((int)reader.TokenStartIndex);
        var kind = reader.TokenType;
        reader.Skip();
        return new RawJsonRange(start, checked((int)reader.BytesConsumed) - start, kind);
    }

    public override void Write(Utf8JsonWriter writer, RawJsonRange value, JsonSerializerOptions options)
        => throw new NotSupportedException("RawJsonRange is read-only.");
}
