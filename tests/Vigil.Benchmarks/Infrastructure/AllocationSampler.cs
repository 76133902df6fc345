using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Vigil.Benchmarks.Infrastructure;

/// <summary>
/// With <c>--allocations</c>: listens to the runtime's allocation-tick events (one per ~100 KB allocated, naming the
/// type that crossed the mark) and attributes the bytes to types, which is how to find out what a per-call allocation
/// figure is made of without a profiler. Sampled, so only the proportions of busy types are meaningful.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int AllocationTickEventId = 10;

    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    /// <summary>Forgets what was sampled so far, so the next report covers one measurement.</summary>
    public void Reset() => _bytesByType.Clear();

    /// <summary>The types that took most of the sampled bytes, with their share.</summary>
    public string DescribeTop(int count)
    {
        var total = _bytesByType.Values.Sum();
        if (total == 0)
        {
            return "no allocation sampled";
        }

        return string.Join(", ", _bytesByType
            .OrderByDescending(pair => pair.Value)
            .Take(count)
            .Select(pair => $"{pair.Key} {100.0 * pair.Value / total:0.#}%"));
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeProvider)
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTickEventId || eventData.PayloadNames is not { } names || eventData.Payload is not { } payload)
        {
            return;
        }

        var typeName = payload[names.IndexOf("TypeName")] as string ?? "?";
        var amount = names.IndexOf("AllocationAmount64") is >= 0 and var index ? Convert.ToInt64(payload[index], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytesByType.AddOrUpdate(typeName, amount, (_, bytes) => bytes + amount);
    }
}
