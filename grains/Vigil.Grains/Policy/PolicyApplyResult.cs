namespace Vigil.Grains.Policy;

/// <summary>The answer to <see cref="PolicyStore.TryApply"/>: the outcome, the history entry when applied, every problem when rejected.</summary>
public sealed record PolicyApplyResult(PolicyApplyOutcome Outcome, PolicyHistoryEntry? Entry, IReadOnlyList<string> Errors)
{
    public bool Applied => Outcome == PolicyApplyOutcome.Applied;

    internal static PolicyApplyResult Success(PolicyHistoryEntry entry) => new(PolicyApplyOutcome.Applied, entry, []);

    internal static PolicyApplyResult Same(PolicyHistoryEntry entry) => new(PolicyApplyOutcome.Unchanged, entry, []);

    internal static PolicyApplyResult Rejected(IReadOnlyList<string> errors) => new(PolicyApplyOutcome.Rejected, null, errors);
}
