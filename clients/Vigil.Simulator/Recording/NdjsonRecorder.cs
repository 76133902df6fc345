using Vigil.Simulator.Targets;

namespace Vigil.Simulator.Recording;

/// <summary>An <see cref="IEventTarget"/> that appends every batch to an NDJSON stream, byte for byte as it would be posted.</summary>
public sealed class NdjsonRecorder : IEventTarget, IAsyncDisposable
{
    private readonly Stream stream;
    private readonly bool ownsStream;

    public NdjsonRecorder(Stream stream, bool ownsStream = false)
    {
        this.stream = stream;
        this.ownsStream = ownsStream;
    }

    public long EventsWritten { get; private set; }

    /// <summary>Creates (or truncates) <paramref name="path"/>.</summary>
    public static NdjsonRecorder Create(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: true), ownsStream: true);

    public async ValueTask<BatchResult> SendAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(batch.Payload, cancellationToken).ConfigureAwait(false);
        EventsWritten += batch.Count;
        return BatchResult.AllAccepted(batch.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await stream.FlushAsync().ConfigureAwait(false);
        if (ownsStream)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
