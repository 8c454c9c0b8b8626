using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Ccs.Http;

/// <summary>
/// A read-only pass-through over a response stream that keeps a copy of its first bytes (in a pooled
/// buffer), so a body that fails to decode can still be quoted in the exception without buffering
/// the whole response first.
/// </summary>
internal sealed class ExcerptCapturingStream : Stream
{
    private readonly Stream _inner;
    private readonly int _capacity;
    private byte[]? _prefix;
    private int _captured;
    private bool _truncated;

    public ExcerptCapturingStream(Stream inner, int capacity)
    {
        _inner = inner;
        _capacity = capacity;
        _prefix = ArrayPool<byte>.Shared.Rent(capacity);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The captured start of the body as text (with "…" when the body went on), or null when nothing was read.</summary>
    public string? Excerpt()
    {
        if (_prefix is null || _captured == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(_prefix, 0, _captured);
        return _truncated ? text + "…" : text;
    }

    public override int Read(byte[] buffer, int offset, int count) => Capture(buffer, offset, _inner.Read(buffer, offset, count));

#if NET
    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => await ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Capture(buffer.Span.Slice(0, read));
        return read;
    }
#else
    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => Capture(buffer, offset, await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            if (_prefix is not null)
            {
                ArrayPool<byte>.Shared.Return(_prefix);
                _prefix = null;
            }
        }

        base.Dispose(disposing);
    }

    private int Capture(byte[] buffer, int offset, int read)
    {
        Capture(new ReadOnlySpan<byte>(buffer, offset, read));
        return read;
    }

    private void Capture(ReadOnlySpan<byte> read)
    {
        if (_prefix is null || read.IsEmpty)
        {
            return;
        }

        var take = Math.Min(read.Length, _capacity - _captured);
        read.Slice(0, take).CopyTo(_prefix.AsSpan(_captured));
        _captured += take;
        _truncated |= take < read.Length;
    }
}
