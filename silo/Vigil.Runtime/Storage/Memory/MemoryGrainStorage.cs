using System.Globalization;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Storage.Memory;

/// <summary>
/// Thread-safe in-process <see cref="IGrainStorage"/> for tests and single-node experiments; nothing survives the
/// process. ETags are increasing integers, never reused, so a record that is cleared and written again gets a new one.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    // One lock for everything: operations are dictionary look-ups and a copy, so contention is short, and a batch
    // applied under the same lock is atomic with respect to every other operation, as a transaction would be.
    private readonly Lock _gate = new();
    private readonly Dictionary<(GrainId GrainId, string StateName), StoredState> _records = [];
    private long _lastEtag;

    public ValueTask<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            // The caller owns the returned array; copying keeps its changes out of the stored record.
            return ValueTask.FromResult(_records.TryGetValue((grainId, stateName), out var stored)
                ? new StoredState(stored.Payload.ToArray(), stored.Etag)
                : null);
        }
    }

    public ValueTask<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            var conflict = Apply(new StateWrite(grainId, stateName, payload, expectedEtag), out var newEtag);
            return conflict is null ? ValueTask.FromResult(newEtag!) : ValueTask.FromException<string>(conflict);
        }
    }

    public ValueTask ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            var key = (grainId, stateName);
            var storedEtag = _records.TryGetValue(key, out var stored) ? stored.Etag : null;
            if (storedEtag != expectedEtag)
            {
                return ValueTask.FromException(Conflict(grainId, stateName, storedEtag, expectedEtag));
            }

            _records.Remove(key);
            return ValueTask.CompletedTask;
        }
    }

    public ValueTask<StateWriteResult[]> WriteBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        for (var i = 0; i < writes.Count; i++)
        {
            // Checked up front: an invalid item found halfway would leave the items before it applied.
            if (writes[i].StateName is null)
            {
                throw new ArgumentException($"Item {i} of the batch has no state name.", nameof(writes));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();

        var results = new StateWriteResult[writes.Count];
        lock (_gate)
        {
            for (var i = 0; i < writes.Count; i++)
            {
                var conflict = Apply(writes[i], out var newEtag);
                results[i] = new StateWriteResult(newEtag, conflict);
            }
        }

        return ValueTask.FromResult(results);
    }

    /// <summary>Writes one record under the lock; returns the conflict instead of throwing so batches can report it.</summary>
    private InconsistentStateException? Apply(StateWrite write, out string? newEtag)
    {
        var key = (write.GrainId, write.StateName);
        var storedEtag = _records.TryGetValue(key, out var stored) ? stored.Etag : null;
        if (storedEtag != write.ExpectedEtag)
        {
            newEtag = null;
            return Conflict(write.GrainId, write.StateName, storedEtag, write.ExpectedEtag);
        }

        // Copy: callers may reuse or pool the buffer once the call returns.
        newEtag = (++_lastEtag).ToString(CultureInfo.InvariantCulture);
        _records[key] = new StoredState(write.Payload.ToArray(), newEtag);
        return null;
    }

    private static InconsistentStateException Conflict(GrainId grainId, string stateName, string? storedEtag, string? expectedEtag) =>
        new($"State '{stateName}' of grain {grainId} has ETag {storedEtag ?? "(none)"} but the caller expected {expectedEtag ?? "(none)"}; the stored record was kept.",
            storedEtag,
            expectedEtag);
}
