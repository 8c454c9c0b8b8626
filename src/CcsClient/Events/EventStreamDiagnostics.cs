using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ccs.Events;

/// <summary>
/// The event stream's metrics (Meter "CcsClient") and connection spans (ActivitySource "CcsClient").
/// One instance per stream: nothing static, disposed with the stream.
/// </summary>
internal sealed class EventStreamDiagnostics : IDisposable
{
    public const string Name = "CcsClient";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _events;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _resumes;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _malformed;
    private readonly Histogram<double> _lag;

    public EventStreamDiagnostics(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(new MeterOptions(Name)) ?? new Meter(Name);
        _events = _meter.CreateCounter<long>("ccs.events.received", "{event}", "Events delivered to the buffer, by type (duplicates not counted).");
        _reconnects = _meter.CreateCounter<long>("ccs.events.reconnects", "{attempt}", "Reconnect attempts of the event stream.");
        _resumes = _meter.CreateCounter<long>("ccs.events.resumes", "{resume}", "Resume attempts, by result (succeeded, failed).");
        _dropped = _meter.CreateCounter<long>("ccs.events.dropped", "{event}", "Events dropped because the buffer was full (DropOldest).");
        _malformed = _meter.CreateCounter<long>("ccs.events.malformed", "{message}", "Messages that could not be decoded and were skipped.");
        _lag = _meter.CreateHistogram<double>("ccs.events.lag", "s", "Receive time minus the event's ts.");
        ActivitySource = new ActivitySource(Name);
    }

    public ActivitySource ActivitySource { get; }

    public void EventReceived(CcsEvent e, TimeSpan lag)
    {
        var type = new KeyValuePair<string, object?>("ccs.event.type", e.Type);
        _events.Add(1, type);
        _lag.Record(lag.TotalSeconds, type);
    }

    public void Reconnect() => _reconnects.Add(1);

    public void Resume(bool succeeded) => _resumes.Add(1, new KeyValuePair<string, object?>("ccs.resume.result", succeeded ? "succeeded" : "failed"));

    public void Dropped(CcsEvent e) => _dropped.Add(1, new KeyValuePair<string, object?>("ccs.event.type", e.Type));

    public void Malformed() => _malformed.Add(1);

    public Activity? StartConnect(Uri endpoint, int attempt, bool resuming)
    {
        var activity = ActivitySource.StartActivity("ccs.events.connect", ActivityKind.Client);
        activity?.SetTag("url.full", endpoint.AbsoluteUri);
        activity?.SetTag("ccs.events.attempt", attempt);
        activity?.SetTag("ccs.events.resuming", resuming);
        return activity;
    }

    public void Dispose()
    {
        ActivitySource.Dispose();
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
