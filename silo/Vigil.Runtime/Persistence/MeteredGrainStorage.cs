using Vigil.Runtime.Diagnostics;
using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Persistence;

/// <summary>Wraps a storage provider with latency and failure metrics, so every provider is measured the same way.</summary>
internal sealed class MeteredGrainStorage(IGrainStorage inner, RuntimeMetrics metrics, TimeProvider timeProvider) : IGrainStorage
{
    public IGrainStorage Inner => inner;

    public async ValueTask<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            return await inner.ReadAsync(grainId, stateName, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            metrics.StorageFailures.Add(1, new KeyValuePair<string, object?>("operation", "read"));
            throw;
        }
        finally
        {
            metrics.StorageReadLatency.Record(timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public async ValueTask<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            return await inner.WriteAsync(grainId, stateName, payload, expectedEtag, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            metrics.StorageFailures.Add(1, new KeyValuePair<string, object?>("operation", "write"));
            throw;
        }
        finally
        {
            metrics.StorageWriteLatency.Record(timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public async ValueTask ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.ClearAsync(grainId, stateName, expectedEtag, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            metrics.StorageFailures.Add(1, new KeyValuePair<string, object?>("operation", "clear"));
            throw;
        }
    }

    public async ValueTask<StateWriteResult[]> WriteBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken = default)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            return await inner.WriteBatchAsync(writes, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            metrics.StorageFailures.Add(writes.Count, new KeyValuePair<string, object?>("operation", "batch"));
            throw;
        }
        finally
        {
            metrics.StorageWriteLatency.Record(timeProvider.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("batch", true));
        }
    }
}
