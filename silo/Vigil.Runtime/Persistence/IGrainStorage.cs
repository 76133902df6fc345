using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Persistence;

/// <summary>
/// Durable storage for grain state records, keyed by (grain id, state name). Every record carries an ETag; a write or
/// clear that names a stale ETag fails with <see cref="InconsistentStateException"/> and changes nothing.
/// An expected ETag of null means "no record exists yet".
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads a record; null when none exists.</summary>
    ValueTask<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default);

    /// <summary>Writes one record and returns its new ETag.</summary>
    ValueTask<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken = default);

    /// <summary>Deletes one record; clearing a record that does not exist with a null ETag succeeds.</summary>
    ValueTask ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes many records in one transaction (where the store has transactions). ETag conflicts fail only their own
    /// item, reported in the result at the same index; a failure of the store itself throws
    /// <see cref="GrainStorageException"/> and commits nothing. The payloads are the caller's again once the call
    /// completes (the runtime reuses their arrays), so a store that keeps one keeps a copy.
    /// </summary>
    ValueTask<StateWriteResult[]> WriteBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken = default);
}
