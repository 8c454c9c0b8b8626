// Runs the CCS API emulator standalone, for tools that are not .NET:
//   dotnet run --project src/CcsClient.Emulator -- [--port N] [--seed N] [--token T] [--traffic CALLS_PER_SECOND]
// Prints the REST base URL, the events URL and the token, then serves until Ctrl+C (or SIGTERM).
using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Ccs.Testing;

var options = new CcsEmulatorOptions();
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port):
            options.Port = port;
            i++;
            break;
        case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed):
            options.Seed = seed;
            i++;
            break;
        case "--token" when !string.IsNullOrWhiteSpace(value):
            options.AccessToken = value;
            i++;
            break;
        case "--traffic" when double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var callsPerSecond)
            && callsPerSecond > 0 && callsPerSecond <= CcsEmulatorTrafficOptions.MaxCallsPerSecond:
            options.Traffic.CallsPerSecond = callsPerSecond;
            i++;
            break;
        default:
            Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'. Usage: CcsClient.Emulator [--port N] [--seed N] [--token T] [--traffic CALLS_PER_SECOND (up to {CcsEmulatorTrafficOptions.MaxCallsPerSecond})]");
            return 2;
    }
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

await using var emulator = await CcsEmulator.StartAsync(options, stop.Token);
Console.WriteLine($"CCS API emulator listening on {emulator.BaseUri}");
Console.WriteLine($"Real-time events (WebSocket, asyncapi.yaml) at {emulator.EventsUri}");
Console.WriteLine($"Access token: {emulator.AccessToken}   (send 'Authorization: Bearer {emulator.AccessToken}')");
Console.WriteLine(emulator.Traffic.IsRunning ? $"Traffic: {emulator.Traffic.CallsPerSecond} new call(s) per second." : "Traffic: off (--traffic N for N new calls per second).");
Console.WriteLine($"Seed: {emulator.Seed}. Current agent extension: {emulator.State.CurrentAgentExtensionId}. Press Ctrl+C to stop.");

var stopped = new TaskCompletionSource();
using (stop.Token.Register(() => stopped.TrySetResult()))
{
    await stopped.Task;
}

Console.WriteLine("Stopping.");
return 0;
