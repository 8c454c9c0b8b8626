using System;
using System.Collections.Generic;
using System.Linq;

namespace Ccs.Events;

/// <summary>Settings of a <see cref="CcsEventStream"/>. The defaults suit most applications.</summary>
public sealed class CcsEventStreamOptions
{
    /// <summary>The default <see cref="BufferCapacity"/>.</summary>
    public const int DefaultBufferCapacity = 1024;

    /// <summary>The default <see cref="MaxMessageSize"/>: 1 MiB.</summary>
    public const int DefaultMaxMessageSize = 1024 * 1024;

    /// <summary>
    /// The event endpoint, for example <c>wss://ccs.windstreamenterprise.com/6/v2/events</c>. Through
    /// <see cref="CcsClient.Events"/> it defaults to the REST base URL with <c>https</c> → <c>wss</c> and
    /// <c>/6/v2/api</c> → <c>/6/v2/events</c>. Must be <c>wss</c>, except for loopback addresses.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The families to subscribe to (<see cref="CcsEventFamilies"/>). Default: agent, call and queue.</summary>
    public IList<string> Families { get; } = new List<string> { CcsEventFamilies.Agent, CcsEventFamilies.Call, CcsEventFamilies.Queue };

    /// <summary>
    /// Only events of these tenants (<c>tenant_uuid</c>); empty (the default) means every tenant the token
    /// may see. Sent to the server as a filter and enforced again by the client.
    /// </summary>
    public IList<string> TenantIds { get; } = new List<string>();

    /// <summary>How many events the stream buffers for a slow consumer. Default 1024.</summary>
    public int BufferCapacity { get; set; } = DefaultBufferCapacity;

    /// <summary>What happens when the buffer is full. Default <see cref="CcsEventBufferFullMode.Wait"/> (nothing is lost).</summary>
    public CcsEventBufferFullMode FullMode { get; set; } = CcsEventBufferFullMode.Wait;

    /// <summary>
    /// The largest message accepted, in bytes. A larger one is never buffered whole: the stream closes the
    /// connection (1009), reports an error and reconnects. Default 1 MiB.
    /// </summary>
    public int MaxMessageSize { get; set; } = DefaultMaxMessageSize;

    /// <summary>How long to wait between reconnect attempts, and when to give up. Default: <see cref="ExponentialBackoffReconnectPolicy"/>.</summary>
    public ICcsReconnectPolicy ReconnectPolicy { get; set; } = new ExponentialBackoffReconnectPolicy();

    /// <summary>How long the upgrade plus the server's <c>hello</c> and acknowledgement may take. Default 30 seconds.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the options and says, in words a person can act on, what is wrong.</summary>
    /// <param name="endpoint">The endpoint the stream will use.</param>
    /// <returns>The problems found; empty when the options are usable.</returns>
    internal List<string> Validate(Uri? endpoint)
    {
        var errors = new List<string>();
        if (endpoint is null)
        {
            errors.Add("CcsEventStreamOptions.Endpoint is not set: give the event endpoint such as 'wss://ccs.windstreamenterprise.com/6/v2/events', or use CcsClient.Events.");
        }
        else if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != "wss" && endpoint.Scheme != "ws"))
        {
            errors.Add($"CcsEventStreamOptions.Endpoint must be an absolute ws:// or wss:// URL; it is '{endpoint}'.");
        }
        else if (endpoint.Scheme == "ws" && !CcsClientOptions.IsLoopback(endpoint))
        {
            errors.Add($"CcsEventStreamOptions.Endpoint must use wss (plain ws is allowed only for loopback addresses); it is '{endpoint.GetLeftPart(UriPartial.Authority)}'.");
        }

        if (Families.Count == 0 || Families.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"CcsEventStreamOptions.Families must name at least one family ('{CcsEventFamilies.Agent}', '{CcsEventFamilies.Call}', '{CcsEventFamilies.Queue}') and no blank ones.");
        }

        if (TenantIds.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("CcsEventStreamOptions.TenantIds must not contain blank ids.");
        }

        if (BufferCapacity < 1)
        {
            errors.Add($"CcsEventStreamOptions.BufferCapacity must be at least 1; it is {BufferCapacity}.");
        }

        if (FullMode is not CcsEventBufferFullMode.Wait and not CcsEventBufferFullMode.DropOldest)
        {
            errors.Add($"CcsEventStreamOptions.FullMode must be Wait or DropOldest; it is {FullMode}.");
        }

        if (MaxMessageSize < 1024)
        {
            errors.Add($"CcsEventStreamOptions.MaxMessageSize must be at least 1024 bytes; it is {MaxMessageSize}.");
        }

        if (ReconnectPolicy is null)
        {
            errors.Add("CcsEventStreamOptions.ReconnectPolicy must be set (the default is ExponentialBackoffReconnectPolicy).");
        }

        if (HandshakeTimeout <= TimeSpan.Zero)
        {
            errors.Add($"CcsEventStreamOptions.HandshakeTimeout must be positive; it is {HandshakeTimeout}.");
        }

        return errors;
    }
}
