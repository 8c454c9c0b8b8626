using System.Buffers.Text;
using System.Text;

namespace Ccs.Benchmarks.Events;

/// <summary>
/// Event frames as the server sends them (asyncapi.yaml: call.state_changed, agent.state_changed,
/// queue.updated in turn, about 360 B of UTF-8 JSON each), made without allocating: a template per type
/// whose <c>seq</c>, the tail of its <c>id</c> and optionally its <c>ts</c> are patched in place, so
/// every frame is a new event to the de-duplicator.
/// </summary>
public sealed class EventFrames
{
    /// <summary>Sequence numbers are this plus the event number: always 12 digits, so the templates keep their length.</summary>
    public const long SequenceBase = 100_000_000_000;

    public const string TenantId = "9d2f7e8a-1111-4a5b-8c9d-0e1f2a3b4c5d";

    private const string SeqMarker = "100000000000";
    private const string IdMarker = "5b1e0a4e-4c1f-4d8e-9a53-000000000000";
    private const string TsMarker = "2026-12-04T09:00:00.0000000+00:00";

    private static readonly string[] Sources =
    [
        Envelope("call.state_changed", """{"id":"call-12345","calling_number":"+15550100123","called_number":"+15550200456","state":"connected","tenant_uuid":"9d2f7e8a-1111-4a5b-8c9d-0e1f2a3b4c5d","started_at":"2026-12-04T09:00:00Z","duration":42,"previous_state":"alerting"}"""),
        Envelope("agent.state_changed", """{"extension_uuid":"ext-1042","state":"On Break","available_for_calls":false,"updated_at":"2026-12-04T09:00:00Z","previous_state":"Available"}"""),
        Envelope("queue.updated", """{"id":"acd-17","name":"Sales - Tier 2 (EMEA)","tenant_uuid":"9d2f7e8a-1111-4a5b-8c9d-0e1f2a3b4c5d","max_queue_length":50,"current_queue_length":7,"agents_available":3}"""),
    ];

    private readonly Template[] _templates = Sources.Select(s => new Template(Encoding.UTF8.GetBytes(s))).ToArray();

    /// <summary>The longest frame.</summary>
    public int MaxLength => _templates.Max(t => t.Bytes.Length);

    /// <summary>The average frame length over one round of the three types.</summary>
    public double AverageLength => _templates.Average(t => t.Bytes.Length);

    /// <summary>Writes event number <paramref name="n"/> (1, 2, …) into <paramref name="destination"/>; returns its length.</summary>
    /// <param name="timestamp">The <c>ts</c> to write; <see langword="null"/> keeps the template's fixed one.</param>
    public int Write(Span<byte> destination, long n, DateTimeOffset? timestamp = null)
    {
        var t = _templates[(int)(n % 3)];
        t.Bytes.CopyTo(destination);
        Utf8Formatter.TryFormat(SequenceBase + n, destination.Slice(t.Seq, SeqMarker.Length), out _);
        n.TryFormat(destination.Slice(t.IdTail, 12), out _, "x12");
        if (timestamp is { } ts)
        {
            Utf8Formatter.TryFormat(ts.ToUniversalTime(), destination.Slice(t.Ts, TsMarker.Length), out _, 'O');
        }

        return t.Bytes.Length;
    }

    /// <summary>A new frame array for event <paramref name="n"/> (for tests and one-off use).</summary>
    public byte[] Create(long n)
    {
        var bytes = new byte[MaxLength];
        return bytes.AsSpan(0, Write(bytes, n)).ToArray();
    }

    private static string Envelope(string type, string data)
        => $$"""{"type":"{{type}}","id":"{{IdMarker}}","seq":{{SeqMarker}},"ts":"{{TsMarker}}","tenant_uuid":"{{TenantId}}","data":{{data}}}""";

    private sealed class Template
    {
        public Template(byte[] bytes)
        {
            Bytes = bytes;
            Seq = Find(bytes, "\"seq\":" + SeqMarker) + "\"seq\":".Length;
            IdTail = Find(bytes, IdMarker) + IdMarker.Length - 12;
            Ts = Find(bytes, TsMarker);
        }

        public byte[] Bytes { get; }

        public int Seq { get; }

        public int IdTail { get; }

        public int Ts { get; }

        private static int Find(byte[] bytes, string marker)
        {
            var at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker));
            return at >= 0 ? at : throw new InvalidOperationException($"Marker {marker} missing from the template.");
        }
    }
}
