using Vigil.Simulator.Targets;

namespace Vigil.Simulator;

/// <summary>What a run (send, record, replay or embedded) delivered and what the receiver said about it.</summary>
public sealed record SimulatorReport
{
    public long EventsSent { get; init; }

    public long Batches { get; init; }

    public long Accepted { get; init; }

    public long Duplicates { get; init; }

    public long Rejected { get; init; }

    /// <summary>Requests repeated after a connection error or a transient answer.</summary>
    public long Retries { get; init; }

    /// <summary>The first rejections the receiver reported, for a person to read.</summary>
    public IReadOnlyList<RejectedLine> SampleRejections { get; init; } = [];

    /// <summary><c>ts</c> of the first and last event sent, if any.</summary>
    public DateTimeOffset? FirstEventTime { get; init; }

    public DateTimeOffset? LastEventTime { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>The run stopped because it was cancelled (Ctrl-C, host shutdown) rather than reaching its end.</summary>
    public bool Cancelled { get; init; }

    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? EventsSent / Elapsed.TotalSeconds : 0;
}
