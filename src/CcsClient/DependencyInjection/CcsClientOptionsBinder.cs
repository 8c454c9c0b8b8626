using System;
using System.Globalization;
using Ccs;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Binds <see cref="CcsClientOptions"/> from configuration without reflection (trimming- and
/// AOT-safe), with errors that name the key and the expected format.
/// </summary>
internal static class CcsClientOptionsBinder
{
    public static void Bind(IConfiguration section, CcsClientOptions options)
    {
        if (section["Domain"] is { } domain)
        {
            options.Domain = domain;
        }

        if (section["BaseUri"] is { Length: > 0 } baseUri)
        {
            options.BaseUri = Uri.TryCreate(baseUri, UriKind.Absolute, out var uri) ? uri : throw Invalid(section, "BaseUri", baseUri, "an absolute URL");
        }

        if (section["AccessToken"] is { } token)
        {
            options.AccessToken = token;
        }

        options.Timeout = TimeSpanOf(section, "Timeout") ?? options.Timeout;
        options.TokenRefreshBeforeExpiry = TimeSpanOf(section, "TokenRefreshBeforeExpiry") ?? options.TokenRefreshBeforeExpiry;

        var retry = section.GetSection("Retry");
        if (retry["MaxRetries"] is { } maxRetries)
        {
            options.Retry.MaxRetries = int.TryParse(maxRetries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : throw Invalid(retry, "MaxRetries", maxRetries, "an integer");
        }

        options.Retry.BaseDelay = TimeSpanOf(retry, "BaseDelay") ?? options.Retry.BaseDelay;
        options.Retry.MaxDelay = TimeSpanOf(retry, "MaxDelay") ?? options.Retry.MaxDelay;
        options.Retry.MaxRetryAfter = TimeSpanOf(retry, "MaxRetryAfter") ?? options.Retry.MaxRetryAfter;
        options.Retry.AttemptTimeout = TimeSpanOf(retry, "AttemptTimeout") ?? options.Retry.AttemptTimeout;
        foreach (var operation in retry.GetSection("Operations").GetChildren())
        {
            options.Retry.Operations[operation.Key] = ParseMode(operation.Value)
                ?? throw Invalid(retry.GetSection("Operations"), operation.Key, operation.Value, $"one of {string.Join(", ", Modes)}");
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

    private static TimeSpan? TimeSpanOf(IConfiguration section, string key)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(section, key, text, "a time span such as 00:00:30");
    }

    private static InvalidOperationException Invalid(IConfiguration section, string key, string? value, string expected)
    {
        var path = section is IConfigurationSection s ? $"{s.Path}:{key}" : key;
        var shown = string.Equals(key, "AccessToken", StringComparison.OrdinalIgnoreCase) ? "***" : value;
        return new InvalidOperationException($"Configuration value '{path}' = '{shown}' is not valid: expected {expected}.");
    }
}
