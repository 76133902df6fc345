using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Invocation;

/// <summary>
/// One call on a grain: the method, its arguments, and the caller's completion. Generated code derives one class per
/// grain interface method. Inside a silo the request object itself travels to the activation (nothing is serialized),
/// and it doubles as the <see cref="SynchronizationContext"/> of its turn, so every continuation of the grain method
/// is posted back to the activation and knows which call chain it belongs to, at no extra allocation.
/// </summary>
public abstract class GrainRequest : SynchronizationContext
{
    private protected int _completed;

    public abstract GrainMethodDescriptor Method { get; }

    /// <summary>The call's arguments in declaration order, for serialization.</summary>
    public abstract object?[] GetArguments();

    /// <summary>Runs the method on <paramref name="grain"/>; returns true when it finished synchronously.</summary>
    public abstract bool Invoke(object grain);

    /// <summary>The grain this request is addressed to; set when it is sent.</summary>
    public GrainId Target { get; internal set; }

    /// <summary>The request whose turn sent this one (null from outside any grain, and for one-way calls).</summary>
    public GrainRequest? Parent { get; internal set; }

    /// <summary>The failure, once the request has failed.</summary>
    public Exception? Failure { get; private protected set; }

    public bool IsCompleted => Volatile.Read(ref _completed) != 0;

    internal IRequestHost? Host;

    /// <summary>
    /// Whether the request runs as an inline turn that is not in its activation's mailbox (see
    /// <c>GrainActivation.TryEnqueue</c>): <see cref="InlineTurnRunning"/> while it runs there, <see cref="InlineTurnFinished"/>
    /// once its turn has finished before the activation could take it into the mailbox; guarded by the activation's lock.
    /// </summary>
    internal int InlineTurn;

    internal const int InlineTurnRunning = 1;

    internal const int InlineTurnFinished = 2;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the request was sent.</summary>
    internal long SentTimestamp;

    /// <summary>Timestamp after which the caller gets a timeout; long.MaxValue for one-way calls.</summary>
    internal long DeadlineTimestamp = long.MaxValue;

    /// <summary>Whether starting this request counts as activity that keeps the activation from idle collection.</summary>
    internal virtual bool CountsAsActivity => true;

    /// <summary>
    /// Fails the request unless it already completed; returns whether this call failed it. While the request's turn
    /// runs on an activation, the caller is told once the activation has finished the turn.
    /// </summary>
    public abstract bool TryFail(Exception exception);

    /// <summary>Fails the request and tells the caller at once (timeouts, calls that never started).</summary>
    internal abstract bool FailNow(Exception exception);

    /// <summary>Tells the caller the outcome recorded by the finished turn; called by the activation after its bookkeeping.</summary>
    internal abstract void ReleaseToCaller();

    /// <summary>Describes the call chain that leads to this request, for example <c>a/1 -> b/2 -> a/1</c>.</summary>
    public string DescribeChain(GrainId next)
    {
        var chain = new List<string> { next.ToString() };
        for (var r = this; r is not null; r = r.Parent)
        {
            chain.Add(r.Target.ToString());
        }

        chain.Reverse();
        return string.Join(" -> ", chain);
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        if (Host is { } host)
        {
            host.Post(this, d, state);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.d(s.state), (d, state), preferLocal: false);
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send on a grain turn would block the activation; use Post.");

    public override SynchronizationContext CreateCopy() => this;

    public override string ToString() => Method.DisplayName + " on " + Target;
}
