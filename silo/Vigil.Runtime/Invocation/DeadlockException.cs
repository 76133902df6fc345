namespace Vigil.Runtime.Invocation;

/// <summary>
/// A call chain came back to a non-reentrant grain that is waiting on that same chain (A -> B -> A). It fails at once
/// instead of waiting for the timeout; mark the method [AlwaysInterleave] or the grain [Reentrant] to allow it.
/// </summary>
public sealed class DeadlockException(string chain)
    : InvalidOperationException($"Call chain {chain} would deadlock: the grain is busy with the call that started the chain and is not reentrant.")
{
    public string Chain { get; } = chain;
}
