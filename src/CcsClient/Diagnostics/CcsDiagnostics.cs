using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Ccs.Diagnostics;

/// <summary>Names and the <see cref="ActivitySource"/> under which the client reports traces and metrics.</summary>
internal static class CcsDiagnostics
{
    /// <summary>The name of the ActivitySource and the Meter: subscribe to <c>"CcsClient"</c>.</summary>
    public const string Name = "CcsClient";

    public static readonly string Version =
        typeof(CcsDiagnostics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(CcsDiagnostics).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    // Immutable and thread-safe: one source per process is how .NET libraries publish traces.
    public static readonly ActivitySource ActivitySource = new(Name, Version);

    public static readonly string UserAgent =
        $"CcsClient/{Version} ({RuntimeInformation.FrameworkDescription.Trim()}; {RuntimeInformation.OSDescription.Trim()})";
}
