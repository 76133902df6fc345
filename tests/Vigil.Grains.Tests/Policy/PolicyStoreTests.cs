using Vigil.Grains.Policy;
using Vigil.Grains.Tests.Infrastructure;

namespace Vigil.Grains.Tests.Policy;

public sealed class PolicyStoreTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void AStoreStartsWithTheDefaultPolicyRecordedInItsHistory()
    {
        var store = new PolicyStore(_time);

        Assert.Equal(1, store.Active.Version);
        var entry = Assert.Single(store.History);
        Assert.Equal(new PolicyHistoryEntry(1, _time.GetUtcNow(), "default", store.Active.Hash), entry);
    }

    [Fact]
    public void AnInvalidPolicyIsRejectedWithItsJsonPathAndTheOldOneStaysActive()
    {
        var store = new PolicyStore(_time);
        var before = store.Active;

        var result = store.TryApply(PolicyText.Default(2, p => p["thresholds"]!["minor_safety"]!["alert"] = 1.7), "test");

        Assert.Equal(PolicyApplyOutcome.Rejected, result.Outcome);
        Assert.Contains("thresholds.minor_safety.alert: must be between 0 and 1 (was 1.7)", result.Errors);
        Assert.Same(before, store.Active);
        Assert.Single(store.History);
    }

    [Fact]
    public void AValidNewVersionAppliesAndIsRecordedInHistory()
    {
        var store = new PolicyStore(_time);
        var changes = new List<PolicyChangedEventArgs>();
        store.Changed += (_, e) => changes.Add(e);
        _time.Advance(TimeSpan.FromMinutes(5));
        var json = PolicyText.Default(2, p => p["thresholds"]!["hate"]!["alert"] = 0.65);

        var result = store.TryApply(json, "file:/data/policy.json");

        Assert.True(result.Applied);
        Assert.Equal(2, store.Active.Version);
        Assert.Equal(0.65, store.Active.Document.Thresholds["hate"].Alert);
        Assert.Equal(new PolicyHistoryEntry(2, _time.GetUtcNow(), "file:/data/policy.json", store.Active.Hash), store.History[^1]);
        Assert.Equal(2, store.History.Count);
        var change = Assert.Single(changes);
        Assert.Equal((1, 2), (change.Previous!.Version, change.Current!.Version));
    }

    [Fact]
    public void AVersionNotAboveTheActiveOneIsRejected()
    {
        var store = new PolicyStore(_time);

        var result = store.TryApply(PolicyText.Default(1, p => p["description"] = "edited without a new version"), "test");

        Assert.Equal(["version: must be greater than the active version 1 (was 1)"], result.Errors);
    }

    [Fact]
    public void TheSameTextAppliedAgainChangesNothing()
    {
        var store = new PolicyStore(_time);
        var json = PolicyText.Default(2);
        store.TryApply(json, "first");

        var result = store.TryApply(json, "second");

        Assert.Equal(PolicyApplyOutcome.Unchanged, result.Outcome);
        Assert.Equal(2, store.History.Count);
    }

    [Fact]
    public void ACandidateRunsBesideTheActivePolicyUntilPromoted()
    {
        var store = new PolicyStore(_time);

        var staged = store.TrySetCandidate(PolicyText.Default(2), "api:alice");
        var activeWhileStaged = store.Active.Version;
        var promoted = store.PromoteCandidate("api:bob");

        Assert.True(staged.Applied);
        Assert.Equal(1, activeWhileStaged);
        Assert.True(promoted.Applied);
        Assert.Equal(2, store.Active.Version);
        Assert.Null(store.Candidate);
        Assert.Equal(["default", "api:bob"], store.History.Select(h => h.Source));
    }
}
