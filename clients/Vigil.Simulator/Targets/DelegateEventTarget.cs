namespace Vigil.Simulator.Targets;

/// <summary>An <see cref="IEventTarget"/> from a function: the shortest way for a host or a test to receive batches.</summary>
public sealed class DelegateEventTarget : IEventTarget
{
    private readonly Func<EventBatch, CancellationToken, ValueTask<BatchResult>> send;

    public DelegateEventTarget(Func<EventBatch, CancellationToken, ValueTask<BatchResult>> send) => this.send = send;

    public ValueTask<BatchResult> SendAsync(EventBatch batch, CancellationToken cancellationToken) => send(batch, cancellationToken);
}
