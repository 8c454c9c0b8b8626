using System;

namespace Ccs.Testing;

/// <summary>Settings of the emulator's synthetic call traffic (<see cref="CcsEmulator.Traffic"/>).</summary>
public sealed class CcsEmulatorTrafficOptions
{
    /// <summary>The most calls per second <see cref="CcsEmulatorTraffic.Start"/> accepts.</summary>
    public const double MaxCallsPerSecond = 100;

    /// <summary>
    /// How many new calls arrive per second, on the emulator's clock. 0 (the default) leaves traffic off
    /// until <see cref="CcsEmulatorTraffic.Start"/>; a positive rate starts it with the emulator.
    /// </summary>
    public double CallsPerSecond { get; set; }

    internal void Validate()
    {
        if (double.IsNaN(CallsPerSecond) || CallsPerSecond < 0 || CallsPerSecond > MaxCallsPerSecond)
        {
            throw new ArgumentException($"CcsEmulatorOptions.Traffic.CallsPerSecond must be 0 (off) or a rate up to {MaxCallsPerSecond}; it is {CallsPerSecond}.", "options");
        }
    }
}
