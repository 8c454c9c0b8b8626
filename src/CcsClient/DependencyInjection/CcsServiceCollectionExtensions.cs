using System;
using System.Net.Http;
using Ccs;
using Ccs.Events;
using Ccs.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="CcsClient"/> with dependency injection, on top of <c>IHttpClientFactory</c>.</summary>
public static class CcsServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="CcsClient"/> configured in code, and its <see cref="CcsEventStream"/>
    /// (the same as <see cref="CcsClient.Events"/>). Options are validated when the host starts. The returned builder adds your own handlers; they run once per attempt, after the
    /// client's own pipeline (diagnostics, retries, authentication).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, for example the token and the domain.</param>
    /// <returns>The builder of the underlying named HttpClient.</returns>
    public static IHttpClientBuilder AddCcsClient(this IServiceCollection services, Action<CcsClientOptions> configure)
        => services.AddCcsClient(Options.Options.DefaultName, configure);

    /// <summary>Registers a singleton <see cref="CcsClient"/> bound to a configuration section (for example <c>configuration.GetSection("Ccs")</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <c>Domain</c> or <c>BaseUri</c>, <c>AccessToken</c>, <c>Timeout</c>, <c>Retry</c>, ….</param>
    /// <returns>The builder of the underlying named HttpClient.</returns>
    public static IHttpClientBuilder AddCcsClient(this IServiceCollection services, IConfiguration configuration)
        => services.AddCcsClient(Options.Options.DefaultName, configuration);

    /// <summary>
    /// Registers a named <see cref="CcsClient"/>, resolved as a keyed service
    /// (<c>[FromKeyedServices("name")] CcsClient ccs</c>), so several accounts or domains live side by side.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name and service key.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the underlying named HttpClient.</returns>
    public static IHttpClientBuilder AddCcsClient(this IServiceCollection services, string name, Action<CcsClientOptions> configure)
    {
        Argument.NotNull(configure, nameof(configure));
        return Register(services, name, options => options.Configure(configure));
    }

    /// <summary>Registers a named <see cref="CcsClient"/> bound to a configuration section, resolved as a keyed service.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name and service key.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <returns>The builder of the underlying named HttpClient.</returns>
    public static IHttpClientBuilder AddCcsClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        Argument.NotNull(configuration, nameof(configuration));
        return Register(services, name, options => options.Configure(o => CcsClientOptionsBinder.Bind(configuration, o, name)));
    }

    private static IHttpClientBuilder Register(IServiceCollection services, string name, Action<OptionsBuilder<CcsClientOptions>> configure)
    {
        Argument.NotNull(services, nameof(services));
        Argument.NotNull(name, nameof(name));

        var options = services.AddOptions<CcsClientOptions>(name);
        configure(options);
        options.PostConfigure<IServiceProvider>((o, sp) =>
        {
            // A TimeProvider registered in the container (a fake one in tests) drives the client's clock.
            if (ReferenceEquals(o.TimeProvider, TimeProvider.System) && sp.GetService<TimeProvider>() is { } time)
            {
                o.TimeProvider = time;
            }
        });
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CcsClientOptions>, CcsClientOptionsValidator>());

        services.AddKeyedSingleton(name, (sp, _) =>
            new CcsPipelineServices(sp.GetRequiredService<IOptionsMonitor<CcsClientOptions>>().Get(name), sp.GetService<ILoggerFactory>()));

        var httpClientName = HttpClientName(name);
        Func<IServiceProvider, CcsClient> create = sp =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new CcsClient(sp.GetRequiredKeyedService<CcsPipelineServices>(name), () => factory.CreateClient(httpClientName));
        };
        if (name.Length == 0)
        {
            services.TryAddSingleton(create);
            services.TryAddSingleton(sp => sp.GetRequiredService<CcsClient>().Events);
        }

        services.AddKeyedSingleton(name, (sp, _) => name.Length == 0 ? sp.GetRequiredService<CcsClient>() : create(sp));

        // The client's event stream, one per client; start it from a hosted service with StartAsync.
        services.AddKeyedSingleton(name, (sp, _) => sp.GetRequiredKeyedService<CcsClient>(name).Events);

        return services
            .AddHttpClient(httpClientName, client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            // The factory's own loggers put request headers (the token) in structured log state and raw
            // URLs (ids) in messages; the client logs each attempt itself, safely.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(CcsPipelineBuilder.CreateDefaultTransport)
            .AddHttpMessageHandler(sp => new CcsPipelineHandler(sp.GetRequiredKeyedService<CcsPipelineServices>(name)));
    }

    private static string HttpClientName(string name) => name.Length == 0 ? "CcsClient" : "CcsClient:" + name;

    /// <summary>Checks the options when the host starts, with messages a person can act on.</summary>
    private sealed class CcsClientOptionsValidator : IValidateOptions<CcsClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, CcsClientOptions options)
        {
            var errors = options.Validate(requireToken: true);
            return errors.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(errors.ConvertAll(e => $"CCS client '{(string.IsNullOrEmpty(name) ? "default" : name)}': {e}"));
        }
    }
}
