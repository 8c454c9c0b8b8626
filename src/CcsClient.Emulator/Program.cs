// Runs the CCS API emulator standalone, for tools that are not .NET:
//   dotnet run --project src/CcsClient.Emulator -- [--port N] [--seed N] [--token T]
// Prints the base URL and token, then serves until Ctrl+C (or SIGTERM).
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
        default:
            Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'. Usage: CcsClient.Emulator [--port N] [--seed N] [--token T]");
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
Console.WriteLine($"Access token: {emulator.AccessToken}   (send 'Authorization: Bearer {emulator.AccessToken}')");
Console.WriteLine($"Seed: {emulator.Seed}. Current agent extension: {emulator.State.CurrentAgentExtensionId}. Press Ctrl+C to stop.");

var stopped = new TaskCompletionSource();
using (stop.Token.Register(() => stopped.TrySetResult()))
{
    await stopped.Task;
}

Console.WriteLine("Stopping.");
return 0;
