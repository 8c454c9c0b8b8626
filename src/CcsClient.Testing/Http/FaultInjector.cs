using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Ccs.Testing;

/// <summary>Middleware: applies <see cref="CcsEmulatorFaults"/> (latency, then an injected failure or a dropped connection).</summary>
internal sealed class FaultInjector
{
    private readonly CcsEmulatorFaults _faults;

    public FaultInjector(CcsEmulatorFaults faults) => _faults = faults;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (EventServer.IsEventsRequest(context))
        {
            // The event endpoint has faults of its own (CcsEmulatorFaults.DropWebSockets and friends).
            await next(context).ConfigureAwait(false);
            return;
        }

        var plan = _faults.Next(EmulatorOperation.Of(context)?.Id);
        if (plan.Latency > TimeSpan.Zero)
        {
            // Real time on purpose, and cancelled when the client goes away (the exception ends the request).
            await Task.Delay(plan.Latency, context.RequestAborted).ConfigureAwait(false);
        }

        switch (plan.Fault)
        {
            case null:
                await next(context).ConfigureAwait(false);
                break;
            case { StatusCode: null }:
                context.Abort();
                break;
            case { StatusCode: int status, RetryAfter: var retryAfter }:
                if (retryAfter is { } delay)
                {
                    context.Response.Headers.RetryAfter = Math.Ceiling(delay.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                await ErrorResponse.WriteAsync(context, status, "injected_fault", $"The emulator was told to fail this request with {status}.").ConfigureAwait(false);
                break;
        }
    }
}
