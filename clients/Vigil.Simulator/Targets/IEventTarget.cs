namespace Vigil.Simulator.Targets;

/// <summary>
/// Where batches of events go: the ingest API over HTTP (<see cref="HttpEventTarget"/>), a file
/// (<see cref="Recording.NdjsonRecorder"/>), or, when the silo runs the simulator embedded, the silo's own ingest
/// pipeline: the host implements this interface and feeds <see cref="EventBatch.Payload"/> (NDJSON, exactly what
/// would be POSTed) to the same code that serves <c>POST /api/events</c>.
/// </summary>
public interface IEventTarget
{
    /// <summary>Delivers one batch; calls never overlap. Throws <see cref="EventTargetException"/> when delivery cannot succeed.</summary>
    ValueTask<BatchResult> SendAsync(EventBatch batch, CancellationToken cancellationToken);
}
