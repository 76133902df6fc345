using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Invocation;

/// <summary>
/// Base of the generated grain proxies: a typed handle on a grain id whose interface methods become requests.
/// References are cheap, can be shared across threads and stay valid across deactivations.
/// </summary>
public abstract class GrainReference
{
    protected GrainReference(IGrainCallSink sink, GrainId grainId)
    {
        Sink = sink;
        GrainId = grainId;
    }

    public GrainId GrainId { get; }

    protected IGrainCallSink Sink { get; }

    /// <summary>The sink's cached route to the target (an activation in process); only the sink reads or writes it.</summary>
    internal object? CachedRoute;

    protected ValueTask<TResult> SendRequest<TResult>(GrainRequest<TResult> request)
    {
        Sink.Send(this, request);
        return request.AsValueTask();
    }

    protected ValueTask SendVoidRequest(GrainRequest<object?> request)
    {
        Sink.Send(this, request);
        return request.AsVoidValueTask();
    }

    protected void SendOneWay(GrainRequest request) => Sink.Send(this, request);

    public override string ToString() => GrainId.ToString();
}
