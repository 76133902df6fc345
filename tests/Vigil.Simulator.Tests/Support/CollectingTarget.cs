using Vigil.Simulator.Targets;

namespace Vigil.Simulator.Tests.Support;

/// <summary>A fake target that keeps every batch with the time it was sent.</summary>
public sealed class CollectingTarget : IEventTarget
{
    private readonly TimeProvider clock;

    public CollectingTarget(TimeProvider? clock = null) => this.clock = clock ?? TimeProvider.System;

    public List<(DateTimeOffset SentAt, EventBatch Batch)> Batches { get; } = [];

    public byte[] AllBytes => Batches.SelectMany(b => b.Batch.Payload.ToArray()).ToArray();

    public ValueTask<BatchResult> SendAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        Batches.Add((clock.GetUtcNow(), batch));
        return ValueTask.FromResult(BatchResult.AllAccepted(batch.Count));
    }
}
