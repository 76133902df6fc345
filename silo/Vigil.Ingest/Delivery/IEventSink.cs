using Vigil.Grains.Contracts.Events;

namespace Vigil.Ingest.Delivery;

/// <summary>Where accepted, de-duplicated events go; the silo uses <see cref="GrainEventSink"/>.</summary>
public interface IEventSink
{
    /// <summary>
    /// Delivers a batch (valid, not seen before, in request order) and completes once every target has it. A
    /// failure means the batch may be partly applied; ingest then forgets the ids so the producer's retry is used.
    /// </summary>
    Task DeliverAsync(IReadOnlyList<LiveEvent> events, CancellationToken cancellationToken);
}
