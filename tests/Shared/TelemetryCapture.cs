using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;

namespace OmsGenerated.Tests.Shared;

/// <summary>One measurement a <see cref="TelemetryCapture"/> saw.</summary>
public sealed record CapturedMeasurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string Name => Instrument.Name;

    public object? Tag(string name) => Tags.TryGetValue(name, out object? value) ? value : null;
}

/// <summary>
/// Records every stopped activity (all data requested) and every measurement of the sources and meters it is told to
/// listen to, from any thread, until disposed. Listeners are process-wide: filter what you assert on (by operation,
/// meter instance or host) since parallel tests record too.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<CapturedMeasurement> _measurements = new();

    public TelemetryCapture(Func<ActivitySource, bool> listenToSource, Func<Instrument, bool> listenToInstrument)
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = listenToSource,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _activities.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_activityListener);

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (listenToInstrument(instrument))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    /// <summary>Everything: every source and every meter in the process.</summary>
    public static TelemetryCapture Everything() => new(static _ => true, static _ => true);

    public IReadOnlyList<Activity> Activities => _activities.ToArray();

    public IReadOnlyList<CapturedMeasurement> Measurements => _measurements.ToArray();

    /// <summary>Every piece of text the captured telemetry carries: names, tag keys and values, events and their tags, baggage, status descriptions.</summary>
    public IEnumerable<(string Where, string Text)> AllText()
    {
        foreach (Activity activity in Activities)
        {
            string at = "activity " + activity.Source.Name + "/" + activity.OperationName;
            yield return (at + " name", activity.DisplayName);
            yield return (at + " status", activity.StatusDescription ?? string.Empty);
            foreach (KeyValuePair<string, object?> tag in activity.TagObjects)
            {
                yield return (at + " tag " + tag.Key, tag.Key + "=" + Text(tag.Value));
            }

            foreach (ActivityEvent activityEvent in activity.Events)
            {
                yield return (at + " event", activityEvent.Name);
                foreach (KeyValuePair<string, object?> tag in activityEvent.Tags)
                {
                    yield return (at + " event tag " + tag.Key, tag.Key + "=" + Text(tag.Value));
                }
            }

            foreach (KeyValuePair<string, string?> item in activity.Baggage)
            {
                yield return (at + " baggage " + item.Key, item.Key + "=" + item.Value);
            }

            foreach (ActivityLink link in activity.Links)
            {
                foreach (KeyValuePair<string, object?> tag in link.Tags ?? Enumerable.Empty<KeyValuePair<string, object?>>())
                {
                    yield return (at + " link tag " + tag.Key, tag.Key + "=" + Text(tag.Value));
                }
            }
        }

        foreach (CapturedMeasurement measurement in Measurements)
        {
            string at = "measurement " + measurement.Instrument.Meter.Name + "/" + measurement.Name;
            foreach (KeyValuePair<string, object?> tag in measurement.Tags)
            {
                yield return (at + " tag " + tag.Key, tag.Key + "=" + Text(tag.Value));
            }
        }
    }

    public void Dispose()
    {
        _meterListener.Dispose();
        _activityListener.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IConvertible
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new CapturedMeasurement(instrument, value.ToDouble(CultureInfo.InvariantCulture), copy));
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        IEnumerable<object?> list => string.Join(",", list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
