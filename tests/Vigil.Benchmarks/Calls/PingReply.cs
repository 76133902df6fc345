using System.Threading.Tasks.Sources;

namespace Vigil.Benchmarks.Calls;

/// <summary>
/// The baseline caller's reusable reply slot: one per caller, reset before each request, so a round trip allocates
/// nothing. Continuations run inline on the completing thread, as they do when a grain completes a request.
/// </summary>
internal sealed class PingReply : IValueTaskSource<int>
{
    private ManualResetValueTaskSourceCore<int> _core;

    public ValueTask<int> Prepare()
    {
        _core.Reset();
        return new ValueTask<int>(this, _core.Version);
    }

    public void SetResult(int value) => _core.SetResult(value);

    public int GetResult(short token) => _core.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
