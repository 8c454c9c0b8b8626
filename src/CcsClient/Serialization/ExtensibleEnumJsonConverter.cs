using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccs.Serialization;

/// <summary>
/// Reads and writes an extensible enumeration as its JSON string. Known values come back as the
/// shared instances without allocating; unknown ones are kept verbatim.
/// </summary>
/// <typeparam name="T">The extensible enumeration.</typeparam>
internal abstract class ExtensibleEnumJsonConverter<T> : JsonConverter<T>
    where T : struct
{
    private readonly Func<string, T> _create;
    private readonly T[] _known;
    private readonly byte[][] _knownUtf8;

    protected ExtensibleEnumJsonConverter(Func<string, T> create, params T[] known)
    {
        _create = create;
        _known = known;
        _knownUtf8 = Array.ConvertAll(known, k => Encoding.UTF8.GetBytes(k.ToString()!));
    }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name} but found {reader.TokenType}.");
        }

        for (var i = 0; i < _knownUtf8.Length; i++)
        {
            if (reader.ValueTextEquals(_knownUtf8[i]))
            {
                return _known[i];
            }
        }

        return _create(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToString());
}
