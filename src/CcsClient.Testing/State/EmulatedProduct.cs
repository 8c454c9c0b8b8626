namespace Ccs.Testing;

/// <summary>A product of the emulator's catalog (<c>Product</c> in the CCS API).</summary>
public sealed record EmulatedProduct
{
    /// <summary>The product id, for example <c>ccs-inbound-voice</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The product name.</summary>
    public required string Name { get; init; }

    /// <summary>The product description.</summary>
    public required string Description { get; init; }
}
