using System;
using System.Net.Http;
using System.Threading.Tasks;
using Ccs.Events;
using Ccs.Generated;
using Ccs.Http;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Ccs;

/// <summary>
/// The client for the Windstream Enterprise Contact Center Services (CCS) API v2. Operations are
/// grouped the way the API is: <see cref="Tenants"/>, <see cref="Extensions"/>, <see cref="Calls"/>,
/// <see cref="Agents"/>, <see cref="Products"/> and <see cref="Roles"/>.
/// </summary>
/// <remarks>
/// A client is thread-safe and meant to be long-lived: create one per CCS account and reuse it.
/// </remarks>
/// <example>
/// <code>
/// using var ccs = new CcsClient(new CcsClientOptions { AccessToken = token });
/// foreach (var tenant in await ccs.Tenants.ListAsync())
/// {
///     Console.WriteLine($"{tenant.Name}: {tenant.Status}");
/// }
/// </code>
/// </example>
public class CcsClient : IDisposable
{
    private readonly HttpClient? _ownedHttp;
    private readonly CcsPipelineServices? _ownedServices;
    private readonly Lazy<CcsEventStream>? _events;

    /// <summary>Creates a client that talks to the CCS API over the platform's default HTTP handler.</summary>
    /// <param name="options">Where the API is and the token to use.</param>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message says what to fix.</exception>
    public CcsClient(CcsClientOptions options)
        : this(options, (HttpMessageInvoker?)null)
    {
    }

    /// <summary>
    /// Creates a client whose requests end in <paramref name="transport"/>, for example a test
    /// handler. The client adds its own handlers in front of it and does not dispose it.
    /// </summary>
    /// <param name="options">Where the API is and the token to use.</param>
    /// <param name="transport">The handler that sends requests on the wire.</param>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message says what to fix.</exception>
    public CcsClient(CcsClientOptions options, HttpMessageHandler transport)
        : this(options, new HttpMessageInvoker(Argument.NotNull(transport, nameof(transport)), disposeHandler: false))
    {
    }

    /// <summary>
    /// Creates a client whose requests are sent through <paramref name="httpClient"/> (for example one
    /// from <c>IHttpClientFactory</c>). The client adds its own handlers in front of it, uses absolute
    /// URLs (the HttpClient's <c>BaseAddress</c> is not used) and does not dispose it.
    /// </summary>
    /// <param name="options">Where the API is and the token to use.</param>
    /// <param name="httpClient">The client that sends requests on the wire.</param>
    /// <exception cref="ArgumentException">The options are incomplete or invalid; the message says what to fix.</exception>
    public CcsClient(CcsClientOptions options, HttpClient httpClient)
        : this(options, (HttpMessageInvoker)Argument.NotNull(httpClient, nameof(httpClient)))
    {
    }

    /// <summary>For mocking frameworks: an instance made this way has no connection; override its properties.</summary>
    protected CcsClient()
    {
        Products = null!;
        Roles = null!;
        Tenants = null!;
        Extensions = null!;
        Calls = null!;
        Agents = null!;
        GeneratedClient = null!;
        BaseUri = null!;
    }

    private CcsClient(CcsClientOptions options, HttpMessageInvoker? transport)
    {
        var services = new CcsPipelineServices(ValidOptions(options), options.LoggerFactory);
        var http = CcsPipelineBuilder.Build(services, transport);
        _ownedServices = services;
        _ownedHttp = http;
        (BaseUri, GeneratedClient, Products, Roles, Tenants, Extensions, Calls, Agents) = Create(services, () => http, http);
        _events = CreateEvents(services);
    }

    /// <summary>Dependency injection: the pipeline lives in IHttpClientFactory's handlers, created by the same code.</summary>
    internal CcsClient(CcsPipelineServices services, Func<HttpClient> httpClients)
    {
        (BaseUri, GeneratedClient, Products, Roles, Tenants, Extensions, Calls, Agents) = Create(services, httpClients, httpClients());
        _events = CreateEvents(services);
    }

    /// <summary>The base URL of the REST API this client calls, for example <c>https://ccs.windstreamenterprise.com/6/v2/api</c>.</summary>
    public virtual Uri BaseUri { get; }

    /// <summary>The product catalog.</summary>
    public virtual ProductOperations Products { get; }

    /// <summary>The roles and permissions of the system.</summary>
    public virtual RoleOperations Roles { get; }

    /// <summary>Tenants: configuration, limits, products, roles, queues (ACDs), presence options and text counts.</summary>
    public virtual TenantOperations Tenants { get; }

    /// <summary>The extensions of tenants.</summary>
    public virtual ExtensionOperations Extensions { get; }

    /// <summary>Calls: list, get, search and call control (kill, suppression, wait actions).</summary>
    public virtual CallOperations Calls { get; }

    /// <summary>Agent presence state.</summary>
    public virtual AgentOperations Agents { get; }

    /// <summary>
    /// The real-time event stream (<c>wss://{ccs_domain}/6/v2/events</c>), created on first use with the
    /// client's token and <see cref="CcsClientOptions.Events"/>. Call <see cref="CcsEventStream.StartAsync"/>
    /// to connect; dispose it (or this client) to stop.
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="CcsClientOptions.Events"/> is invalid.</exception>
    public virtual CcsEventStream Events => _events?.Value ?? throw new InvalidOperationException("This instance was made for mocking; override Events.");

    /// <summary>
    /// The escape hatch: the Kiota-generated client over the same HTTP pipeline (same token and
    /// handlers). Prefer the typed groups above; this client returns Kiota's models, turns enum values
    /// it does not know into null, and reports errors as Kiota's <c>ApiException</c>.
    /// </summary>
    public virtual CcsApiClient GeneratedClient { get; }

    internal static CcsClientOptions ValidOptions(CcsClientOptions options)
    {
        Argument.NotNull(options, nameof(options));
        var errors = options.Validate(requireToken: true);
        return errors.Count == 0 ? options : throw new ArgumentException(string.Join(" ", errors), nameof(options));
    }

    private static (Uri, CcsApiClient, ProductOperations, RoleOperations, TenantOperations, ExtensionOperations, CallOperations, AgentOperations) Create(
        CcsPipelineServices services, Func<HttpClient> httpClients, HttpClient generatedClientHttp)
    {
        // Authentication is a handler of the pipeline, so Kiota itself adds none; the generated client
        // shares the pipeline (token, retries, diagnostics) but none of Kiota's own middleware.
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: generatedClientHttp)
        {
            BaseUrl = services.BaseUri.AbsoluteUri.TrimEnd('/'),
        };
        var api = new CcsApiClient(adapter);
        var context = new CcsClientContext(api, new CcsRequestSender(httpClients, services.Options.TimeProvider, services.Logger));
        return (services.BaseUri, api, new ProductOperations(context), new RoleOperations(context), new TenantOperations(context),
            new ExtensionOperations(context), new CallOperations(context), new AgentOperations(context));
    }

    // Created on first use, once, with the same token cache as REST: every connect asks it for a token.
    private static Lazy<CcsEventStream> CreateEvents(CcsPipelineServices services)
    {
        var options = services.Options;
        var eventOptions = options.Events ?? new CcsEventStreamOptions();
        var endpoint = eventOptions.Endpoint ?? EventEndpoint.FromRestBaseUri(services.BaseUri);
        var tokens = services.Tokens;
        return new Lazy<CcsEventStream>(
            () => new CcsEventStream(endpoint, eventOptions, ct => tokens.GetTokenAsync(ct), services.LoggerFactory, null, options.TimeProvider),
            System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Releases the HTTP pipeline the client created (never a caller-supplied HttpClient or handler).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttp?.Dispose();
            if (_events is { IsValueCreated: true })
            {
                _events.Value.Stop();
            }

            _ownedServices?.Dispose();
        }
    }
}
