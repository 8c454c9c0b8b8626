using System;
using Ccs.Models;

namespace Ccs.Testing;

/// <summary>A call as the emulator holds it (<c>Call</c> in the CCS API, plus routing and control details).</summary>
public sealed record EmulatedCall
{
    /// <summary>The call id.</summary>
    public required string Id { get; init; }

    /// <summary>The id of the tenant the call belongs to.</summary>
    public required Guid TenantId { get; init; }

    /// <summary>The calling party number.</summary>
    public required string CallingNumber { get; init; }

    /// <summary>The called party number: the phone number of the call's ACD.</summary>
    public required string CalledNumber { get; init; }

    /// <summary>The call state.</summary>
    public required CallState State { get; init; }

    /// <summary>When the call started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the call ended; <see langword="null"/> while it is not <c>completed</c>.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The call's duration in whole seconds when the snapshot was taken (up to <see cref="EndedAt"/> for completed calls).</summary>
    public int Duration { get; init; }

    /// <summary>The ACD (queue) the call came in through.</summary>
    public required string AcdId { get; init; }

    /// <summary>The extension the call rings, is connected to or is held by; <see langword="null"/> while it is queued or after a redirect.</summary>
    public Guid? ExtensionId { get; init; }

    /// <summary>Whether suppression (of recording) is on: set by <c>startSuppression</c>, cleared by <c>stopSuppression</c>.</summary>
    public bool Suppressed { get; init; }

    /// <summary>The last call-control action executed on the call, as sent (for example <c>wait_transfer</c>).</summary>
    public string? LastAction { get; init; }
}
