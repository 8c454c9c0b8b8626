using System;
using System.Collections.Generic;

namespace Ccs.Testing;

/// <summary>A request the emulator received, recorded before any fault or check applied to it.</summary>
public sealed record RecordedRequest
{
    /// <summary>The HTTP method, for example <c>GET</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The path as received, base path included, for example <c>/6/v2/api/calls/call-1</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The query string with its leading <c>?</c>, or an empty string.</summary>
    public required string Query { get; init; }

    /// <summary>The spec's operation id the request addressed (for example <c>listCalls</c>); null when it matched none.</summary>
    public string? OperationId { get; init; }

    /// <summary>The request headers (names case-insensitive; repeated values joined with <c>", "</c>).</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The request body as text (the first 64 KiB), or null when there was none.</summary>
    public string? Body { get; init; }

    /// <summary>When the emulator received the request, by the emulator's clock.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
}
