using Vigil.Simulator.Targets;

namespace Vigil.Simulator.Sending;

/// <summary>
/// Gathers events into NDJSON batches of up to <c>batchSize</c>, sends a started batch after at most <c>linger</c>,
/// keeps the average send rate under <c>rate</c> events per wall second, and tallies the receiver's answers.
/// </summary>
internal sealed class BatchSender
{
    private const int SampleRejectionLimit = 20;

    // Unused rate budget is kept for at most this long, so a stall is not followed by an unbounded burst.
    private static readonly TimeSpan BurstCredit = TimeSpan.FromSeconds(1);

    // Events this close to due are released now rather than after a timer that costs more than it saves.
    private static readonly TimeSpan ReleaseTolerance = TimeSpan.FromMilliseconds(20);

    // When cancelled, the batch in hand still gets this long to reach the target.
    private static readonly TimeSpan FinalFlushTimeout = TimeSpan.FromSeconds(5);

    private readonly IEventTarget target;
    private readonly int batchSize;
    private readonly TimeSpan linger;
    private readonly double rate;
    private readonly TimeProvider timeProvider;
    private readonly IProgress<SimulatorReport>? progress;
    private readonly DateTimeOffset started;
    private readonly List<RejectedLine> sampleRejections = [];
    private MemoryStream buffer = new();
    private int count;
    private DateTimeOffset? pendingSince;
    private DateTimeOffset rateEpoch;
    private long paced;
    private DateTimeOffset lastProgress;
    private long sent;
    private long batches;
    private long accepted;
    private long duplicates;
    private long rejected;
    private long retries;
    private DateTimeOffset? firstEventTime;
    private DateTimeOffset? lastEventTime;

    public BatchSender(IEventTarget target, int batchSize, TimeSpan linger, double rate, TimeProvider timeProvider, IProgress<SimulatorReport>? progress)
    {
        this.target = target;
        this.batchSize = batchSize;
        this.linger = linger;
        this.rate = rate;
        this.timeProvider = timeProvider;
        this.progress = progress;
        started = rateEpoch = lastProgress = timeProvider.GetUtcNow();
    }

    /// <summary>Events added so far (sent or waiting in the current batch).</summary>
    public long Added => sent + count;

    /// <summary>When the waiting batch must go out at the latest; null when nothing waits.</summary>
    public DateTimeOffset? LingerDeadline => pendingSince + linger;

    public async ValueTask AddAsync(ReadOnlyMemory<byte> json, DateTimeOffset? eventTime, CancellationToken cancellationToken)
    {
        buffer.Write(json.Span);
        buffer.WriteByte((byte)'\n');
        count++;
        pendingSince ??= timeProvider.GetUtcNow();
        if (eventTime is { } ts)
        {
            firstEventTime ??= ts;
            lastEventTime = ts;
        }

        if (count >= batchSize || timeProvider.GetUtcNow() >= LingerDeadline)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }

        var batch = new EventBatch(buffer.ToArray(), count);
        buffer = new MemoryStream(batch.Payload.Length);
        count = 0;
        pendingSince = null;

        if (rate > 0)
        {
            var due = rateEpoch + TimeSpan.FromSeconds(paced / rate);
            var now = timeProvider.GetUtcNow();
            if (due > now)
            {
                await Task.Delay(due - now, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            else if (now - due > BurstCredit)
            {
                rateEpoch += now - due - BurstCredit;
            }

            paced += batch.Count;
        }

        var result = await target.SendAsync(batch, cancellationToken).ConfigureAwait(false);
        sent += batch.Count;
        batches++;
        accepted += result.Accepted;
        duplicates += result.Duplicates;
        rejected += result.Rejected.Count;
        retries += Math.Max(0, result.Attempts - 1);
        foreach (var line in result.Rejected.Take(SampleRejectionLimit - sampleRejections.Count))
        {
            sampleRejections.Add(line);
        }

        var at = timeProvider.GetUtcNow();
        if (progress is not null && at - lastProgress >= TimeSpan.FromSeconds(2))
        {
            lastProgress = at;
            progress.Report(Snapshot(cancelled: false));
        }
    }

    /// <summary>Waits until the wall clock reads <paramref name="due"/>, sending the waiting batch when its linger runs out meanwhile.</summary>
    public async ValueTask WaitUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = timeProvider.GetUtcNow();
            var wait = due - now;
            if (wait <= ReleaseTolerance)
            {
                return;
            }

            if (LingerDeadline is { } deadline && deadline <= due)
            {
                if (deadline > now)
                {
                    await Task.Delay(deadline - now, timeProvider, cancellationToken).ConfigureAwait(false);
                }

                await FlushAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>After cancellation: one bounded last try to deliver the batch in hand.</summary>
    public async ValueTask FlushOnCancelAsync()
    {
        using var timeout = new CancellationTokenSource(FinalFlushTimeout);
        try
        {
            await FlushAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or EventTargetException)
        {
            // Shutting down: the report counts only what the target answered for.
        }
    }

    public SimulatorReport Snapshot(bool cancelled) => new()
    {
        EventsSent = sent,
        Batches = batches,
        Accepted = accepted,
        Duplicates = duplicates,
        Rejected = rejected,
        Retries = retries,
        SampleRejections = sampleRejections.ToArray(),
        FirstEventTime = firstEventTime,
        LastEventTime = lastEventTime,
        Elapsed = timeProvider.GetUtcNow() - started,
        Cancelled = cancelled,
    };
}
