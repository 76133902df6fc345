using System.Diagnostics.Tracing;
using System.Globalization;

namespace Vigil.Benchmarks.Infrastructure;

/// <summary>
/// With <c>--gc-trace</c>: listens to the runtime's GC events and logs each collection that paused the process for
/// more than 15 ms: its generation, how long the threads were suspended and collected, the bytes it promoted, and
/// where the marked objects were reached from (stacks, handles, or older generations through the card table), and when
/// marking through each of those finished (so the rest of the pause is planning, relocating and compacting); and when
/// each gen2 collection starts, background ones included, whose threads take cores while they mark. This is
/// how the latency benchmark's tail was traced to collections promoting what gen2 objects (activations, states,
/// pending writes) refer to, rather than to the grains' own work.
/// </summary>
internal sealed class GcPauseTrace : EventListener
{
    private const int GcStart = 1;
    private const int GcEnd = 2;
    private const int GcRestartEnd = 3;
    private const int GcHeapStats = 4;
    private const int GcSuspendEnd = 8;
    private const int GcSuspendBegin = 9;
    private const int GcMarkWithType = 202;

    // GCMarkWithType's root kinds: 0 stack, 1 finalization queue, 2 handles, 3 older generations; the rest are rare.
    private readonly long[] _markedByRoot = new long[4];
    private readonly DateTime[] _markedAt = new DateTime[4];
    private DateTime _suspendBegin, _suspendEnd, _start, _end;
    private int _generation;
    private long _promoted0, _promoted1;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        switch (e.EventId)
        {
            case GcSuspendBegin:
                _suspendBegin = e.TimeStamp;
                break;
            case GcSuspendEnd:
                _suspendEnd = e.TimeStamp;
                break;
            case GcStart:
                _start = e.TimeStamp;
                _generation = (int)Number(e, "Depth");
                if (_generation == 2)
                {
                    // A background gen2 collection pauses little, but its threads take cores for as long as it marks.
                    BenchmarkReport.Log($"  gc: gen2 ({GcType(Number(e, "Type"))}) started at {e.TimeStamp.ToUniversalTime():HH:mm:ss.fff}, reason {Number(e, "Reason")}");
                }

                break;
            case GcEnd:
                _end = e.TimeStamp;
                break;
            case GcMarkWithType when Number(e, "Type") is var root and < 4:
                _markedByRoot[root] += Number(e, "Bytes");
                _markedAt[root] = e.TimeStamp > _markedAt[root] ? e.TimeStamp : _markedAt[root];
                break;
            case GcHeapStats:
                (_promoted0, _promoted1) = (Number(e, "TotalPromotedSize0"), Number(e, "TotalPromotedSize1"));
                break;
            case GcRestartEnd:
                var paused = (e.TimeStamp - _suspendBegin).TotalMilliseconds;
                if (paused > 15)
                {
                    BenchmarkReport.Log($"  gc: gen{_generation} at {_suspendBegin.ToUniversalTime():HH:mm:ss.fff} paused {paused:0} ms (suspending {(_suspendEnd - _suspendBegin).TotalMilliseconds:0}, collecting {(_end - _start).TotalMilliseconds:0}); "
                        + $"promoted {Mb(_promoted0)} MB from gen0, {Mb(_promoted1)} MB from gen1; marked via stacks {Mb(_markedByRoot[0])}, "
                        + $"finalization {Mb(_markedByRoot[1])}, handles {Mb(_markedByRoot[2])}, older generations {Mb(_markedByRoot[3])} MB; marking done at +{Ms(_markedAt[0])} (stacks), +{Ms(_markedAt[1])} (finalization), +{Ms(_markedAt[2])} (handles), +{Ms(_markedAt[3])} ms (older)");
                }

                Array.Clear(_markedByRoot);
                Array.Clear(_markedAt);
                break;
        }
    }

    private static string GcType(long type) => type switch { 0 => "blocking", 1 => "background", 2 => "foreground", _ => "type " + type };

    private static long Number(EventWrittenEventArgs e, string name) =>
        Convert.ToInt64(e.Payload![e.PayloadNames!.IndexOf(name)], CultureInfo.InvariantCulture);

    private string Ms(DateTime at) => at == default ? "-" : (at - _start).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
}
