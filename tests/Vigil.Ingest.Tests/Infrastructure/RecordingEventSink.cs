using System.Collections.Concurrent;
using Vigil.Grains.Contracts.Events;
using Vigil.Ingest.Delivery;

namespace Vigil.Ingest.Tests.Infrastructure;

/// <summary>An <see cref="IEventSink"/> that keeps every delivered event and can be told to fail the next delivery.</summary>
public sealed class RecordingEventSink : IEventSink
{
    private readonly ConcurrentQueue<LiveEvent> _delivered = new();
    private readonly ConcurrentDictionary<string, int> _deliveriesById = new(StringComparer.Ordinal);
    private int _failNext;
    private DeliveryHold? _hold;

    public IReadOnlyList<LiveEvent> Delivered => [.. _delivered];

    /// <summary>Events delivered whose id starts with <paramref name="prefix"/> (each test uses its own prefix).</summary>
    public IReadOnlyList<LiveEvent> DeliveredWithPrefix(string prefix) =>
        [.. _delivered.Where(e => e.Id.StartsWith(prefix, StringComparison.Ordinal))];

    public int TimesDelivered(string id) => _deliveriesById.TryGetValue(id, out var count) ? count : 0;

    public void FailNextDelivery() => Volatile.Write(ref _failNext, 1);

    /// <summary>Withdraws a failure no delivery has taken yet; true when there was one.</summary>
    public bool CancelPendingFailure() => Interlocked.Exchange(ref _failNext, 0) == 1;

    /// <summary>Makes the next delivery wait until the test releases it.</summary>
    public DeliveryHold HoldNextDelivery()
    {
        var hold = new DeliveryHold();
        Volatile.Write(ref _hold, hold);
        return hold;
    }

    public async Task DeliverAsync(IReadOnlyList<LiveEvent> events, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _failNext, 0) == 1)
        {
            throw new InvalidOperationException("Delivery failure injected by the test.");
        }

        if (Interlocked.Exchange(ref _hold, null) is { } hold)
        {
            hold.MarkStarted();
            await hold.Released;
        }

        foreach (var e in events)
        {
            _delivered.Enqueue(e);
            _deliveriesById.AddOrUpdate(e.Id, 1, (_, count) => count + 1);
        }
    }

    /// <summary>A delivery held back: <see cref="Started"/> completes when it begins, <see cref="Release"/> lets it finish.</summary>
    public sealed class DeliveryHold
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        internal Task Released => _released.Task;

        public void Release() => _released.TrySetResult();

        internal void MarkStarted() => _started.TrySetResult();
    }
}
