using System.Threading.Tasks.Sources;

namespace Vigil.Runtime.Invocation;

/// <summary>
/// A request whose caller waits for a <typeparamref name="TResult"/> (or for completion, with <c>object?</c>).
/// The request is its own <see cref="IValueTaskSource{TResult}"/>: awaiting a call allocates nothing beyond the request.
/// <para>
/// The outcome is recorded when the grain method finishes, but the caller is released only after the activation has
/// closed the turn (<see cref="ReleaseToCaller"/>). Callers that awaited without a context continue inline on that
/// thread; releasing them earlier would run their code while the activation still counts the turn as running.
/// </para>
/// </summary>
public abstract class GrainRequest<TResult> : GrainRequest, IValueTaskSource<TResult>, IValueTaskSource
{
    private ManualResetValueTaskSourceCore<TResult> _core;
    private TResult? _result;
    private volatile bool _recorded;
    private int _released;

    public ValueTask<TResult> AsValueTask() => new(this, _core.Version);

    public ValueTask AsVoidValueTask() => new(this, _core.Version);

    /// <summary>Completes the request from a grain method returning <see cref="ValueTask{TResult}"/>.</summary>
    protected bool Complete(ValueTask<TResult> pending)
    {
        if (pending.IsCompleted)
        {
            try
            {
                SetResult(pending.Result);
            }
            catch (Exception exception)
            {
                TryFail(exception);
            }

            return true;
        }

        _ = AwaitAndComplete(pending);
        return false;
    }

    /// <summary>Completes the request from a grain method returning <see cref="Task{TResult}"/>.</summary>
    protected bool Complete(Task<TResult> pending) => Complete(new ValueTask<TResult>(pending));

    /// <summary>Completes the request from a grain method returning <see cref="ValueTask"/>.</summary>
    protected bool CompleteVoid(ValueTask pending)
    {
        if (pending.IsCompleted)
        {
            try
            {
                pending.GetAwaiter().GetResult();
                SetResult(default!);
            }
            catch (Exception exception)
            {
                TryFail(exception);
            }

            return true;
        }

        _ = AwaitAndCompleteVoid(pending);
        return false;
    }

    /// <summary>Completes the request from a grain method returning <see cref="Task"/>.</summary>
    protected bool CompleteVoid(Task pending) => CompleteVoid(new ValueTask(pending));

    public override bool TryFail(Exception exception)
    {
        if (!Record(default, exception))
        {
            return false;
        }

        if (Host is null)
        {
            ReleaseToCaller();
        }

        return true;
    }

    internal override bool FailNow(Exception exception)
    {
        if (!Record(default, exception))
        {
            return false;
        }

        ReleaseToCaller();
        return true;
    }

    internal override void ReleaseToCaller()
    {
        // Whoever recorded the outcome releases it; until the outcome is fully written there is nothing to release.
        if (!_recorded || Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        // Continuations of callers that captured no context run inline here; clear this turn's context first so the
        // caller's code does not run as if it were part of this grain's turn.
        var previous = Current;
        SetSynchronizationContext(null);
        if (Failure is { } failure)
        {
            _core.SetException(failure);
        }
        else
        {
            _core.SetResult(_result!);
        }

        SetSynchronizationContext(previous);
    }

    private void SetResult(TResult result)
    {
        if (Record(result, null) && Host is null)
        {
            ReleaseToCaller();
        }
    }

    private bool Record(TResult? result, Exception? exception)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        _result = result;
        Failure = exception;
        _recorded = true;
        return true;
    }

    private async Task AwaitAndComplete(ValueTask<TResult> pending)
    {
        try
        {
            SetResult(await pending.ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            TryFail(exception);
        }
        finally
        {
            Host?.OnTurnCompleted(this);
        }
    }

    private async Task AwaitAndCompleteVoid(ValueTask pending)
    {
        try
        {
            await pending.ConfigureAwait(false);
            SetResult(default!);
        }
        catch (Exception exception)
        {
            TryFail(exception);
        }
        finally
        {
            Host?.OnTurnCompleted(this);
        }
    }

    TResult IValueTaskSource<TResult>.GetResult(short token) => _core.GetResult(token);

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<TResult>.GetStatus(short token) => _core.GetStatus(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<TResult>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
