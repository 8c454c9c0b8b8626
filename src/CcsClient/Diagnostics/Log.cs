using System;
using Microsoft.Extensions.Logging;

namespace Ccs.Diagnostics;

/// <summary>
/// The client's log messages, source-generated. They name operations and path templates, never raw
/// URLs, query strings, bodies or tokens, so ids, phone numbers and secrets stay out of logs.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "CCS {OperationId} {Method} {PathTemplate}: attempt {Attempt}")]
    public static partial void Attempt(ILogger logger, string operationId, string method, string pathTemplate, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "CCS {OperationId} {Method} {PathTemplate}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operationId, string method, string pathTemplate, int attempt, string reason, double delayMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "CCS {OperationId} {Method} {PathTemplate} failed after {Attempts} attempt(s): {Reason} (request id {RequestId})")]
    public static partial void Failed(ILogger logger, string operationId, string method, string pathTemplate, int attempts, string reason, string? requestId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "CCS {OperationId} {Method} {PathTemplate}: {StatusCode} in {ElapsedMs} ms")]
    public static partial void Completed(ILogger logger, string operationId, string method, string pathTemplate, int statusCode, double elapsedMs);

    public static string Describe(Exception exception) => exception.GetType().Name;
}
