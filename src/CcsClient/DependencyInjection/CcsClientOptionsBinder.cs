using System;
using System.Globalization;
using Ccs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Binds <see cref="CcsClientOptions"/> from configuration without reflection (trimming- and
/// AOT-safe). A value that does not parse is an <see cref="OptionsValidationException"/> naming the
/// key and the expected format, so the host fails at start like for any other invalid option.
/// </summary>
internal static class CcsClientOptionsBinder
{
    public static void Bind(IConfiguration section, CcsClientOptions options, string name)
    {
        if (section["Domain"] is { } domain)
        {
            options.Domain = domain;
        }

        if (section["BaseUri"] is { Length: > 0 } baseUri)
        {
            options.BaseUri = Uri.TryCreate(baseUri, UriKind.Absolute, out var uri) ? uri : throw Invalid(name, section, "BaseUri", baseUri, "an absolute URL");
        }

        if (section["AccessToken"] is { } token)
        {
            options.AccessToken = token;
        }

        options.Timeout = TimeSpanOf(name, section, "Timeout") ?? options.Timeout;
        options.TokenRefreshBeforeExpiry = TimeSpanOf(name, section, "TokenRefreshBeforeExpiry") ?? options.TokenRefreshBeforeExpiry;

        var retry = section.GetSection("Retry");
        if (retry["MaxRetries"] is { } maxRetries)
        {
            options.Retry.MaxRetries = int.TryParse(maxRetries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : throw Invalid(name, retry, "MaxRetries", maxRetries, "an integer");
        }

        options.Retry.BaseDelay = TimeSpanOf(name, retry, "BaseDelay") ?? options.Retry.BaseDelay;
        options.Retry.MaxDelay = TimeSpanOf(name, retry, "MaxDelay") ?? options.Retry.MaxDelay;
        options.Retry.MaxRetryAfter = TimeSpanOf(name, retry, "MaxRetryAfter") ?? options.Retry.MaxRetryAfter;
        options.Retry.AttemptTimeout = TimeSpanOf(name, retry, "AttemptTimeout") ?? options.Retry.AttemptTimeout;
        foreach (var operation in retry.GetSection("Operations").GetChildren())
        {
            options.Retry.Operations[operation.Key] = ParseMode(operation.Value)
                ?? throw Invalid(name, retry.GetSection("Operations"), operation.Key, operation.Value, $"one of {string.Join(", ", Modes)}");
        }
    }

    private static readonly CcsRetryMode[] Modes = [CcsRetryMode.AllTransientFailures, CcsRetryMode.OnlyWhenNotSent, CcsRetryMode.Never];

    private static CcsRetryMode? ParseMode(string? text)
    {
        foreach (var mode in Modes)
        {
            if (string.Equals(text, mode.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return mode;
            }
        }

        return null;
    }

    private static TimeSpan? TimeSpanOf(string name, IConfiguration section, string key)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(name, section, key, text, "a time span such as 00:00:30");
    }

    private static OptionsValidationException Invalid(string name, IConfiguration section, string key, string? value, string expected)
    {
        var path = section is IConfigurationSection s ? $"{s.Path}:{key}" : key;
        var shown = string.Equals(key, "AccessToken", StringComparison.OrdinalIgnoreCase) ? "***" : value;
        return new OptionsValidationException(name, typeof(CcsClientOptions), [$"Configuration value '{path}' = '{shown}' is not valid: expected {expected}."]);
    }
}
