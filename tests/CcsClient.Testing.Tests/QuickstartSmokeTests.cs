using System.Reflection;
using System.Text.RegularExpressions;

namespace Ccs.Testing.Tests;

/// <summary>The Quickstart sample runs end to end against the embedded emulator, live events included.</summary>
[Collection(nameof(ProcessWideState))]
public class QuickstartSmokeTests
{
    [Fact]
    public async Task The_quickstart_tours_the_emulator_prints_live_events_and_exits_0()
    {
        var entryPoint = Assembly.Load("Quickstart").EntryPoint!;
        var token = Environment.GetEnvironmentVariable("CCS_ACCESS_TOKEN");
        var seconds = Environment.GetEnvironmentVariable("QUICKSTART_EVENT_SECONDS");
        var console = Console.Out;
        using var output = new StringWriter();
        Environment.SetEnvironmentVariable("CCS_ACCESS_TOKEN", null);
        Environment.SetEnvironmentVariable("QUICKSTART_EVENT_SECONDS", "1");
        Console.SetOut(output);
        object? exitCode;
        try
        {
            object?[]? arguments = entryPoint.GetParameters().Length == 0 ? null : [Array.Empty<string>()];
            exitCode = await Task.Run(() => entryPoint.Invoke(null, arguments)).WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Console.SetOut(console);
            Environment.SetEnvironmentVariable("CCS_ACCESS_TOKEN", token);
            Environment.SetEnvironmentVariable("QUICKSTART_EVENT_SECONDS", seconds);
        }

        var text = output.ToString();
        Assert.True(exitCode is 0, $"exit code {exitCode}: {text}");
        Assert.Contains("touring the embedded CCS emulator", text, StringComparison.Ordinal);
        Assert.Contains("Live events from ws://127.0.0.1:", text, StringComparison.Ordinal);
        // Event lines, unlike the REST tour's: "call …: a -> b", "agent …: a -> b", "queue …: n waiting, m agent(s) available".
        Assert.True(Regex.IsMatch(text, @"^  ((call|agent) .+ -> .+|queue [^/]+: \d+ waiting, \d+ agent\(s\) available)$", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"[1-9]\d* event\(s\) in 1 s"), text);
    }
}

/// <summary>Tests that change process-wide state (environment variables, Console.Out) run alone.</summary>
[CollectionDefinition(nameof(ProcessWideState), DisableParallelization = true)]
public sealed class ProcessWideState
{
}
