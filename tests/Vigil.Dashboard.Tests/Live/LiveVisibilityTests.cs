using Vigil.Grains.Contracts.Events;

namespace Vigil.Dashboard.Tests.Live;

/// <summary>Each connection receives only what its person may see, in batches and in resumes alike.</summary>
public sealed class LiveVisibilityTests : IDisposable
{
    private readonly LiveHarness _live = new();

    public void Dispose() => _live.Dispose();

    [Fact]
    public async Task AnAdvisorNeverReceivesAnotherAdvisorsNudge()
    {
        var (a, advisorA) = _live.ConnectStarted(LiveFixtures.Advisor("adv-a"));
        var (_, advisorB) = _live.ConnectStarted(LiveFixtures.Advisor("adv-b"));
        var start = _live.Sequencer.Current;

        _live.Publish(LiveFixtures.NudgeChange("n-b", "adv-b"));
        _live.Publish(LiveFixtures.NudgeChange("n-a", "adv-a"));
        _live.Advance(50);
        var resume = await _live.Sync.Resume(a, start);

        Assert.Equal(["n-a"], advisorA.Items.Select(i => i.Nudge!.Id));
        Assert.Equal(["n-b"], advisorB.Items.Select(i => i.Nudge!.Id));
        Assert.Equal(["n-a"], resume.Items!.Select(i => i.Nudge!.Id));
    }

    [Fact]
    public void AnAdminReceivesEveryNudge()
    {
        var (_, admin) = _live.ConnectStarted(LiveFixtures.Admin());

        _live.Publish(LiveFixtures.NudgeChange("n-a", "adv-a"));
        _live.Publish(LiveFixtures.NudgeChange("n-b", "adv-b"));
        _live.Advance(50);

        Assert.Equal(2, admin.Items.Count(i => i.Kind == "nudge"));
    }

    [Fact]
    public async Task AMenaOperatorNeverReceivesNorthAmericanAlerts()
    {
        var (mena, menaOperator) = _live.ConnectStarted(LiveFixtures.Operator(Region.MENA));
        var (_, everywhere) = _live.ConnectStarted(LiveFixtures.Operator());
        var start = _live.Sequencer.Current;

        _live.Publish(LiveFixtures.AlertChange("NA-1"));
        _live.Publish(LiveFixtures.AlertChange("MENA-1"));
        _live.Publish(LiveFixtures.IncidentChange("INC-1", Region.NA));
        _live.Advance(50);
        var resume = await _live.Sync.Resume(mena, start);

        Assert.Equal(["MENA-1"], menaOperator.Items.Select(i => i.Alert!.Id));
        Assert.Equal(["MENA-1"], resume.Items!.Select(i => i.Alert!.Id));
        Assert.Equal(3, everywhere.Items.Count());
    }

    [Fact]
    public void TheGlobalHeatListGoesOnlyToAllRegionViewers()
    {
        var (_, menaOperator) = _live.ConnectStarted(LiveFixtures.Operator(Region.MENA));
        var (_, everywhere) = _live.ConnectStarted(LiveFixtures.Operator());

        _live.Publish(LiveFixtures.HeatChange("global"));
        _live.Publish(LiveFixtures.HeatChange("MENA"));
        _live.Publish(LiveFixtures.HeatChange("NA"));
        _live.Advance(50);

        Assert.Equal(["MENA"], menaOperator.Items.Select(i => i.Heat!.ListId));
        Assert.Equal(["global", "MENA", "NA"], everywhere.Items.Select(i => i.Heat!.ListId));
    }

    [Fact]
    public void AnAdvisorReceivesNoAlertsAndAnOperatorNoNudges()
    {
        var (_, advisor) = _live.ConnectStarted(LiveFixtures.Advisor("adv-a"));
        var (_, op) = _live.ConnectStarted(LiveFixtures.Operator());

        _live.Publish(LiveFixtures.AlertChange("MENA-1"));
        _live.Publish(LiveFixtures.HeatChange("MENA"));
        _live.Publish(LiveFixtures.NudgeChange("n-a", "adv-a"));
        _live.Advance(50);

        Assert.Equal(["nudge"], advisor.Items.Select(i => i.Kind));
        Assert.Equal(["alert", "heat"], op.Items.Select(i => i.Kind));
    }

    [Fact]
    public void QaSeesTheSafetySideInEveryRegion()
    {
        var (_, qa) = _live.ConnectStarted(LiveFixtures.Qa());

        _live.Publish(LiveFixtures.AlertChange("SEA-1"));
        _live.Publish(LiveFixtures.IncidentChange("INC-1", Region.SEA));
        _live.Advance(50);

        Assert.Equal(["alert", "incident"], qa.Items.Select(i => i.Kind));
    }
}
