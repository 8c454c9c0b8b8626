using System;

namespace Ccs;

/// <summary>Equality shared by the extensible enumerations: ordinal and case-insensitive, as the Azure SDK does.</summary>
internal static class ExtensibleEnum
{
    public static bool Equals(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    public static int GetHashCode(string? value) => value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(value);
}
