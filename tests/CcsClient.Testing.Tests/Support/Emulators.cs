using System.Net.Http.Headers;
using Ccs.Models;
using Microsoft.Extensions.Time.Testing;

namespace Ccs.Testing.Tests.Support;

public static class Emulators
{
    /// <summary>The instant the fake clocks of the tests start at.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);

    /// <summary>Starts an emulator whose clock stands still at <see cref="Epoch"/> unless the test advances it.</summary>
    public static Task<CcsEmulator> StartAsync(int seed = 1, FakeTimeProvider? clock = null, Action<CcsEmulatorOptions>? options = null)
    {
        var settings = new CcsEmulatorOptions { Seed = seed, TimeProvider = clock ?? new FakeTimeProvider(Epoch) };
        options?.Invoke(settings);
        return CcsEmulator.StartAsync(settings);
    }

    /// <summary>An SDK client with retries off, for tests that look at one fault's effect on one attempt.</summary>
    public static CcsClient CreateClientWithoutRetries(this CcsEmulator emulator)
    {
        var options = emulator.CreateClientOptions();
        options.Retry.MaxRetries = 0;
        return new CcsClient(options);
    }

    /// <summary>The first seeded call in <paramref name="state"/>.</summary>
    public static EmulatedCall FirstCall(this CcsEmulator emulator, CallState state)
        => emulator.State.Calls.First(c => c.State == state);

    /// <summary>A plain HttpClient for raw requests, with the emulator's token unless another (or none) is given.</summary>
    public static HttpClient Raw(CcsEmulator emulator, string? token = "(emulator)")
    {
        var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUri.AbsoluteUri + "/") };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token == "(emulator)" ? emulator.AccessToken : token);
        }

        return http;
    }

    /// <summary>Sends a raw request to a path below the base path (with its leading slash).</summary>
    public static Task<HttpResponseMessage> SendAsync(this HttpClient http, string method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request);
    }
}
