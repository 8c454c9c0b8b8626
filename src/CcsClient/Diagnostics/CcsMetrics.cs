using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace Ccs.Diagnostics;

/// <summary>The REST client's instruments on the <c>CcsClient</c> meter.</summary>
internal sealed class CcsMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    public CcsMetrics(Meter? meter = null)
    {
        _ownsMeter = meter is null;
        _meter = meter ?? new Meter(CcsDiagnostics.Name, CcsDiagnostics.Version);
        Duration = _meter.CreateHistogram<double>("ccs.client.request.duration", "s", "Duration of CCS API operations, retries included.");
        Retries = _meter.CreateCounter<long>("ccs.client.request.retries", "{retry}", "Attempts of CCS API operations that were retried.");
        Failures = _meter.CreateCounter<long>("ccs.client.request.failures", "{failure}", "CCS API operations that failed.");
    }

    public Histogram<double> Duration { get; }

    public Counter<long> Retries { get; }

    public Counter<long> Failures { get; }

    public static KeyValuePair<string, object?> Operation(string operationId) => new("ccs.operation", operationId);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
