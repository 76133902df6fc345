using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Storage.Memory;

namespace Vigil.Runtime.Tests.Infrastructure;

/// <summary>In-memory storage that fails on demand, standing in for a disk that errors (which cannot be made real here).</summary>
public sealed class FlakyGrainStorage : IGrainStorage
{
    private int _batches;
    private int _batchesOnThreadPool;

    public MemoryGrainStorage Inner { get; } = new();

    public int FailNextReads { get; set; }

    public bool FailWrites { get; set; }

    public int BatchCount => Volatile.Read(ref _batches);

    /// <summary>Batches whose write started on a thread-pool thread (the runtime's writer has a thread of its own).</summary>
    public int BatchesOnThreadPool => Volatile.Read(ref _batchesOnThreadPool);

    /// <summary>
    /// When set, the etags this storage hands out are the inner ones behind this prefix (and expected etags lose it
    /// again): a store whose etags are not plain numbers, such as an HTTP entity tag.
    /// </summary>
    public string? EtagPrefix { get; init; }

    /// <summary>While set, a batch write stores everything but answers with one result too few: a faulty storage.</summary>
    public bool ShortBatchResults { get; set; }

    /// <summary>While set, batch writes wait for it: a slow disk in the middle of a flush.</summary>
    public TaskCompletionSource? BatchGate { get; set; }

    public ValueTask<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        if (FailNextReads > 0)
        {
            FailNextReads--;
            throw new GrainStorageException("simulated read failure");
        }

        return EtagPrefix is null ? Inner.ReadAsync(grainId, stateName, cancellationToken) : ReadPrefixed(grainId, stateName, cancellationToken);
    }

    public async ValueTask<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken = default) =>
        FailWrites
            ? throw new GrainStorageException("simulated write failure")
            : Outer(await Inner.WriteAsync(grainId, stateName, payload, InnerEtag(expectedEtag), cancellationToken))!;

    public ValueTask ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default) =>
        Inner.ClearAsync(grainId, stateName, InnerEtag(expectedEtag), cancellationToken);

    public async ValueTask<StateWriteResult[]> WriteBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _batches);
        if (Thread.CurrentThread.IsThreadPoolThread)
        {
            Interlocked.Increment(ref _batchesOnThreadPool);
        }
        if (BatchGate is { } gate)
        {
            await gate.Task;
        }

        if (FailWrites)
        {
            throw new GrainStorageException("simulated batch failure");
        }

        if (ShortBatchResults)
        {
            return (await Inner.WriteBatchAsync(writes, cancellationToken))[..^1];
        }

        if (EtagPrefix is null)
        {
            return await Inner.WriteBatchAsync(writes, cancellationToken);
        }

        var results = await Inner.WriteBatchAsync(writes.Select(w => w with { ExpectedEtag = InnerEtag(w.ExpectedEtag) }).ToArray(), cancellationToken);
        return results.Select(r => r with { NewEtag = Outer(r.NewEtag) }).ToArray();
    }

    private async ValueTask<StoredState?> ReadPrefixed(GrainId grainId, string stateName, CancellationToken cancellationToken) =>
        await Inner.ReadAsync(grainId, stateName, cancellationToken) is { } stored ? new StoredState(stored.Payload, Outer(stored.Etag)!) : null;

    private string? Outer(string? etag) => etag is null ? null : EtagPrefix + etag;

    private string? InnerEtag(string? etag) =>
        etag is null || EtagPrefix is null ? etag
        : etag.StartsWith(EtagPrefix, StringComparison.Ordinal) ? etag[EtagPrefix.Length..] : "not-issued-here:" + etag;
}
