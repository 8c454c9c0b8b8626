using System;
using Microsoft.Extensions.Logging;

namespace Ccs.Events;

/// <summary>The event stream's log messages (source-generated). They never include tokens or event payloads.</summary>
internal static partial class EventStreamLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Connecting to {Endpoint} (attempt {Attempt})")]
    public static partial void Connecting(ILogger logger, Uri endpoint, int attempt);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Event stream connected: session {SessionId}, resumed {Resumed}")]
    public static partial void Connected(ILogger logger, string? sessionId, bool resumed);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Event stream connection lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Reconnecting in {Delay} (attempt {Attempt})")]
    public static partial void ReconnectScheduled(ILogger logger, TimeSpan delay, int attempt);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Reconnect attempt {Attempt} failed")]
    public static partial void ReconnectFailed(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Event stream stopped: {Reason}")]
    public static partial void Stopped(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Session {SessionId} could not be resumed after seq {LastSequence} ({Reason}); events may have been missed, resynchronise over REST")]
    public static partial void ResumeRefused(ILogger logger, string? sessionId, long lastSequence, string? reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Skipped a malformed message of {Length} bytes")]
    public static partial void MalformedMessage(ILogger logger, int length, Exception exception);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "The server reported an error: {Code} {ErrorMessage}")]
    public static partial void ServerError(ILogger logger, string? code, string? errorMessage);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "The server is closing the connection: {Code} {Reason}")]
    public static partial void ServerClosing(ILogger logger, int? code, string? reason);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Error, Message = "An event handler for {EventType} failed")]
    public static partial void HandlerFailed(ILogger logger, string eventType, Exception exception);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Error, Message = "A {EventName} subscriber failed")]
    public static partial void NotificationFailed(ILogger logger, string eventName, Exception exception);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Debug, Message = "Ignored a message of unknown type {Type}")]
    public static partial void UnknownControlMessage(ILogger logger, string? type);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Debug, Message = "Filtered out an event of tenant {TenantId} (not in TenantIds)")]
    public static partial void FilteredTenant(ILogger logger, string? tenantId);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Debug, Message = "Connection state {PreviousState} -> {State}: {Reason}")]
    public static partial void StateChanged(ILogger logger, CcsConnectionState previousState, CcsConnectionState state, string reason);
}
