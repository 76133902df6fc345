namespace Vigil.Runtime.Invocation;

/// <summary>
/// While open, a call this thread sends to an activation with nothing to do runs its turn on this thread at once,
/// instead of queueing the activation to the thread pool for another thread to pick up. Meant for a sender that fans
/// one piece of work out to many grains and only then waits for them: the ingest endpoint sends each request's events
/// to a few hundred rooms, most of which are idle, and a hop through the pool per room (a queue, a wake-up, the
/// request and the room's state pulled into another core's cache) cost more than most rooms' turns.
/// </summary>
/// <remarks>
/// <para>The grain's guarantees are those of any other turn. The sending thread claims the activation exactly as a
/// pool thread would, so the grain still runs one turn at a time; a busy activation gets the call queued as usual;
/// an activation with more work than one scheduling's budget hands the rest to the pool; and a turn that awaits
/// continues on the pool, as always.</para>
/// <para>Only the sender's own calls run inline. A call a grain makes while it runs inline is queued, so turns never
/// nest on one stack and one grain cannot hold the sender for the whole call graph. A grain's thread is never a
/// sender: <see cref="Open"/> inside a turn, or in a caller that a finished turn released on the grain's thread,
/// opens nothing.</para>
/// <para>Inline turns run in a clean execution context, so the sender's async-locals (an HTTP request's logging scope
/// or activity) do not leak into grain code or into the continuations it queues, and each grain run here starts
/// clean again, as on a pool thread.</para>
/// </remarks>
public readonly struct CallerRunsScope : IDisposable
{
    [ThreadStatic]
    private static bool t_open;

    // How many activations' run loops are on this thread's stack. A caller released by a turn runs inside the loop
    // (its await continues there), and must not send from there: its grains would run nested under the activation.
    [ThreadStatic]
    private static int t_activationsRunning;

    /// <summary>An execution context without async-locals, as a pool thread's work item starts with.</summary>
    private static readonly ExecutionContext CleanContext = CaptureCleanContext();

    private readonly ExecutionContext? _sendersContext;
    private readonly bool _opened;

    private CallerRunsScope(ExecutionContext? sendersContext)
    {
        _sendersContext = sendersContext;
        _opened = true;
    }

    /// <summary>Opens the scope on this thread until <see cref="Dispose"/>, which must run on the same thread before it awaits anything.</summary>
    public static CallerRunsScope Open()
    {
        if (t_open || t_activationsRunning > 0 || SynchronizationContext.Current is GrainRequest || ExecutionContext.IsFlowSuppressed())
        {
            return default;
        }

        var senders = ExecutionContext.Capture();
        if (!ReferenceEquals(senders, CleanContext))
        {
            ExecutionContext.Restore(CleanContext);
        }

        t_open = true;
        return new CallerRunsScope(senders);
    }

    /// <summary>Closes the scope and gives the thread its own execution context back.</summary>
    public void Dispose()
    {
        if (!_opened)
        {
            return;
        }

        t_open = false;
        if (_sendersContext is { } senders && !ReferenceEquals(senders, CleanContext))
        {
            ExecutionContext.Restore(senders);
        }
    }

    /// <summary>Whether the call being enqueued may run here; if so, calls sent by the turn are queued until <see cref="EndInlineTurns"/>.</summary>
    internal static bool TryBeginInlineTurns()
    {
        if (!t_open)
        {
            return false;
        }

        t_open = false;
        return true;
    }

    /// <summary>Gives back a <see cref="TryBeginInlineTurns"/> under which no turn ran (nothing to clean).</summary>
    internal static void CancelInlineTurns() => t_open = true;

    internal static void EndInlineTurns()
    {
        // A turn that left an async-local set must not hand it to the next grain run here, as a pool thread would not.
        if (!ReferenceEquals(ExecutionContext.Capture(), CleanContext))
        {
            ExecutionContext.Restore(CleanContext);
        }

        t_open = true;
    }

    /// <summary>An activation's run loop starts on this thread: no scope may open under it.</summary>
    internal static void EnterActivation() => t_activationsRunning++;

    internal static void ExitActivation() => t_activationsRunning--;

    private static ExecutionContext CaptureCleanContext()
    {
        ExecutionContext? clean = null;

        // UnsafeStart: a thread started with Start would run in its creator's context.
        var thread = new Thread(() => clean = ExecutionContext.Capture()) { IsBackground = true, Name = "Vigil clean context" };
        thread.UnsafeStart();
        thread.Join();
        return clean!;
    }
}
