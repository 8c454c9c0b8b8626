using BenchmarkDotNet.Attributes;
using Ccs.Generated;
using Ccs.Http;
using Ccs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Ccs.Benchmarks;

/// <summary>
/// REST decoding and request cost, side by side over one in-memory handler with the same canned
/// spec-valid JSON: (a) the floor, (b) the bare Kiota client, (c) the facade over a bare handler,
/// (d) the facade with its full production pipeline (token, Polly, logging at Information with no
/// provider, tracing with no listener).
/// </summary>
[MemoryDiagnoser]
public class RestBenchmarks
{
    private static readonly Uri BaseUri = new("https://ccs.bench/6/v2/api");
    private static readonly Guid TenantId = Guid.Parse(CannedResponses.Id(7));
    private static readonly DateTimeOffset From = new(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);

    private FloorClient _floor = null!;
    private CcsApiClient _kiota = null!;
    private CcsClient _facade = null!;
    private CcsClient _facadeFull = null!;
    private ILoggerFactory _loggerFactory = null!;
    private readonly List<IDisposable> _disposables = [];

    /// <summary>The response the handler returns.</summary>
    [Params("tenants-1", "tenants-100", "tenants-1000", "tenant", "calls-100", "search-100", "control")]
    public string Case { get; set; } = "tenants-1";

    [GlobalSetup]
    public void Setup()
    {
        var body = Case switch
        {
            "tenants-1" => CannedResponses.Tenants(1),
            "tenants-100" => CannedResponses.Tenants(100),
            "tenants-1000" => CannedResponses.Tenants(1000),
            "tenant" => CannedResponses.Tenant(),
            "calls-100" or "search-100" => CannedResponses.Calls(100),
            _ => [],
        };

        var floorHttp = Track(new HttpClient(new CannedHandler(body)));
        _floor = new FloorClient(floorHttp, BaseUri);

        var kiotaHttp = Track(new HttpClient(new CannedHandler(body)));
        _kiota = new CcsApiClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: kiotaHttp) { BaseUrl = BaseUri.AbsoluteUri.TrimEnd('/') });

        var options = new CcsClientOptions { BaseUri = BaseUri, AccessToken = "bench-token" };
        var services = Track(new CcsPipelineServices(options, loggerFactory: null));
        var bareHttp = Track(new HttpClient(new CannedHandler(body)));
        _facade = Track(new CcsClient(services, () => bareHttp));

        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information));
        _facadeFull = Track(new CcsClient(new CcsClientOptions { BaseUri = BaseUri, AccessToken = "bench-token", LoggerFactory = _loggerFactory }, new CannedHandler(body)));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var d in _disposables)
        {
            d.Dispose();
        }

        _loggerFactory.Dispose();
    }

    [Benchmark(Baseline = true, Description = "a: HttpClient + STJ source gen")]
    public async Task<object?> Floor() => Case switch
    {
        "tenant" => await _floor.GetTenantAsync(TenantId),
        "calls-100" => await _floor.ListCallsAsync(),
        "search-100" => await _floor.SearchCallsAsync("+15550100", From),
        "control" => await Done(_floor.ControlCallAsync("call-1", "kill")),
        _ => await _floor.ListTenantsAsync(),
    };

    [Benchmark(Description = "b: bare Kiota client")]
    public async Task<object?> Kiota() => Case switch
    {
        "tenant" => await _kiota.Tenants[TenantId].GetAsync(),
        "calls-100" => await _kiota.Calls.GetAsync(),
        "search-100" => await _kiota.Calls.Filter.GetAsync(c => { c.QueryParameters.CallingNumber = "+15550100"; c.QueryParameters.FromDatetime = From; }),
        "control" => await _kiota.Calls["call-1"].PostAsync(new Generated.Models.CallControlRequest { Action = Generated.Models.CallControlRequest_action.Kill }),
        _ => await _kiota.Tenants.GetAsync(),
    };

    [Benchmark(Description = "c: facade, bare handler")]
    public Task<object?> Facade() => Run(_facade);

    [Benchmark(Description = "d: facade, full pipeline")]
    public Task<object?> FacadeFullPipeline() => Run(_facadeFull);

    private async Task<object?> Run(CcsClient ccs) => Case switch
    {
        "tenant" => await ccs.Tenants.GetAsync(TenantId),
        "calls-100" => await ccs.Calls.ListAsync(),
        "search-100" => await ccs.Calls.SearchAsync(new CallSearchCriteria { CallingNumber = "+15550100", From = From }),
        "control" => await Done(ccs.Calls.KillAsync("call-1")),
        _ => await ccs.Tenants.ListAsync(),
    };

    private static async Task<object?> Done(Task task)
    {
        await task;
        return null;
    }

    private T Track<T>(T disposable)
        where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }
}
