using System.Collections.Immutable;

namespace Vigil.Grains.Policy;

/// <summary>
/// Holds the policy in effect and, optionally, a candidate being evaluated in shadow. New text goes through
/// <see cref="TryApply"/>: it is validated, and either becomes the active version, recorded in
/// <see cref="History"/> with {version, appliedAt, source, hash}, or is rejected with every reason while the old
/// policy stays. Readers take <see cref="Active"/> without locking (an immutable snapshot swapped atomically).
/// <see cref="Changed"/> and <see cref="CandidateChanged"/> are raised synchronously after the switch, outside the lock.
/// </summary>
public sealed class PolicyStore
{
    /// <summary>History entries kept; older ones are dropped first.</summary>
    public const int HistoryLimit = 200;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private volatile State _state;

    /// <summary>Starts with <see cref="DefaultPolicy"/> active.</summary>
    public PolicyStore(TimeProvider timeProvider)
        : this(timeProvider, DefaultPolicy.Json, "default")
    {
    }

    /// <summary>Starts with <paramref name="initialJson"/> active.</summary>
    /// <exception cref="ArgumentException">The initial policy is invalid; the message lists every problem.</exception>
    public PolicyStore(TimeProvider timeProvider, string initialJson, string source)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        _time = timeProvider;
        var policy = CompiledPolicy.Parse(initialJson);
        var entry = new PolicyHistoryEntry(policy.Version, _time.GetUtcNow(), source, policy.Hash);
        _state = new State(policy, entry, null, null, [entry]);
    }

    public event EventHandler<PolicyChangedEventArgs>? Changed;

    public event EventHandler<PolicyChangedEventArgs>? CandidateChanged;

    /// <summary>The policy grains apply.</summary>
    public CompiledPolicy Active => _state.Active;

    public PolicyHistoryEntry ActiveEntry => _state.ActiveEntry;

    /// <summary>A policy evaluated in shadow next to <see cref="Active"/>, if any.</summary>
    public CompiledPolicy? Candidate => _state.Candidate;

    public PolicyHistoryEntry? CandidateEntry => _state.CandidateEntry;

    /// <summary>Every activation, oldest first (at most <see cref="HistoryLimit"/>).</summary>
    public IReadOnlyList<PolicyHistoryEntry> History => _state.History;

    /// <summary>
    /// Validates <paramref name="json"/> and makes it the active policy. Rejected when invalid or when its version is
    /// not above the active one; unchanged when it is the active text already.
    /// </summary>
    public PolicyApplyResult TryApply(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        State before, after;
        PolicyHistoryEntry entry;
        lock (_gate)
        {
            before = _state;
            if (CompiledPolicy.HashOf(json) == before.Active.Hash)
            {
                return PolicyApplyResult.Same(before.ActiveEntry);
            }

            if (Check(json, before.Active, out var document) is { } rejected)
            {
                return rejected;
            }

            var policy = CompiledPolicy.FromValidated(document!, json);
            entry = new PolicyHistoryEntry(policy.Version, _time.GetUtcNow(), source, policy.Hash);
            after = before with { Active = policy, ActiveEntry = entry, History = Append(before.History, entry) };
            _state = after;
        }

        Changed?.Invoke(this, new PolicyChangedEventArgs(before.Active, after.Active, entry));
        return PolicyApplyResult.Success(entry);
    }

    /// <summary>
    /// Validates <paramref name="json"/> and holds it as the candidate for shadow evaluation; the active policy is
    /// untouched and nothing is added to <see cref="History"/> until <see cref="PromoteCandidate"/>.
    /// </summary>
    public PolicyApplyResult TrySetCandidate(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        State before;
        PolicyHistoryEntry entry;
        CompiledPolicy policy;
        lock (_gate)
        {
            before = _state;
            if (before.Candidate is not null && CompiledPolicy.HashOf(json) == before.Candidate.Hash)
            {
                return PolicyApplyResult.Same(before.CandidateEntry!);
            }

            if (Check(json, before.Active, out var document) is { } rejected)
            {
                return rejected;
            }

            policy = CompiledPolicy.FromValidated(document!, json);
            entry = new PolicyHistoryEntry(policy.Version, _time.GetUtcNow(), source, policy.Hash);
            _state = before with { Candidate = policy, CandidateEntry = entry };
        }

        CandidateChanged?.Invoke(this, new PolicyChangedEventArgs(before.Candidate, policy, entry));
        return PolicyApplyResult.Success(entry);
    }

    /// <summary>Makes the candidate the active policy (recorded in the history with <paramref name="source"/>).</summary>
    public PolicyApplyResult PromoteCandidate(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        State before;
        PolicyHistoryEntry entry;
        lock (_gate)
        {
            before = _state;
            if (before.Candidate is not { } candidate)
            {
                return PolicyApplyResult.Rejected(["$: there is no candidate policy to promote"]);
            }

            if (candidate.Version <= before.Active.Version)
            {
                return PolicyApplyResult.Rejected([VersionError(candidate.Version, before.Active.Version)]);
            }

            entry = new PolicyHistoryEntry(candidate.Version, _time.GetUtcNow(), source, candidate.Hash);
            _state = new State(candidate, entry, null, null, Append(before.History, entry));
        }

        Changed?.Invoke(this, new PolicyChangedEventArgs(before.Active, before.Candidate, entry));
        CandidateChanged?.Invoke(this, new PolicyChangedEventArgs(before.Candidate, null, null));
        return PolicyApplyResult.Success(entry);
    }

    /// <summary>Stops the shadow evaluation; returns whether there was a candidate.</summary>
    public bool ClearCandidate()
    {
        CompiledPolicy? previous;
        lock (_gate)
        {
            previous = _state.Candidate;
            if (previous is null)
            {
                return false;
            }

            _state = _state with { Candidate = null, CandidateEntry = null };
        }

        CandidateChanged?.Invoke(this, new PolicyChangedEventArgs(previous, null, null));
        return true;
    }

    // Null when the text may be applied over the active policy; then document is set.
    private static PolicyApplyResult? Check(string json, CompiledPolicy active, out PolicyDocument? document)
    {
        var errors = PolicyValidator.Validate(json, out document);
        if (document is null)
        {
            return PolicyApplyResult.Rejected(errors);
        }

        return document.Version <= active.Version
            ? PolicyApplyResult.Rejected([VersionError(document.Version, active.Version)])
            : null;
    }

    private static string VersionError(int version, int activeVersion) =>
        $"version: must be greater than the active version {activeVersion} (was {version})";

    private static ImmutableArray<PolicyHistoryEntry> Append(ImmutableArray<PolicyHistoryEntry> history, PolicyHistoryEntry entry) =>
        history.Length < HistoryLimit ? history.Add(entry) : history.RemoveAt(0).Add(entry);

    private sealed record State(
        CompiledPolicy Active,
        PolicyHistoryEntry ActiveEntry,
        CompiledPolicy? Candidate,
        PolicyHistoryEntry? CandidateEntry,
        ImmutableArray<PolicyHistoryEntry> History);
}
