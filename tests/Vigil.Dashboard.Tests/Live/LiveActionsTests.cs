using Microsoft.AspNetCore.SignalR;
using Vigil.Dashboard.Live;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Dashboard.Tests.Live;

/// <summary>The hub's actions: refused without the role or outside the caller's scope, and bad input names its field.</summary>
public sealed class LiveActionsTests : IDisposable
{
    private readonly LiveHarness _live = new();

    public LiveActionsTests()
    {
        _live.Grains.Alerts["MENA"] = [LiveFixtures.Alert("MENA-1")];
        _live.Grains.Alerts["NA"] = [LiveFixtures.Alert("NA-1")];
        _live.Grains.Nudges["adv-a"] = [LiveFixtures.Nudge("n-a", "adv-a")];
        _live.Grains.Nudges["adv-b"] = [LiveFixtures.Nudge("n-b", "adv-b")];
        _live.Grains.Incidents.Add(LiveFixtures.Incident("INC-1", "na raid", Region.NA));
    }

    private LiveActions Actions => _live.Actions;

    public void Dispose() => _live.Dispose();

    [Fact]
    public async Task AnOperatorAcknowledgesAnAlertInTheirRegion()
    {
        var alert = await Actions.ActOnAlert(LiveFixtures.Operator(Region.MENA), "MENA-1", "acknowledge", "on it", null);

        Assert.Equal(2, alert.Version);
        Assert.Equal(["MENA.Act(MENA-1,Acknowledge,operator-MENA)"], _live.Grains.Calls);
    }

    [Fact]
    public async Task QaMayNotActOnAlerts()
    {
        var refusal = await Assert.ThrowsAsync<HubException>(() => Actions.ActOnAlert(LiveFixtures.Qa(), "MENA-1", "acknowledge", null, null));

        Assert.StartsWith("forbidden:", refusal.Message);
        Assert.Empty(_live.Grains.Calls);
    }

    [Fact]
    public async Task AnAdvisorMayNotActOnAlerts()
    {
        var refusal = await Assert.ThrowsAsync<HubException>(() => Actions.ActOnAlert(LiveFixtures.Advisor("adv-a"), "MENA-1", "resolve", null, null));

        Assert.StartsWith("forbidden:", refusal.Message);
    }

    [Fact]
    public async Task AMenaOperatorMayNotActOnANorthAmericanAlert()
    {
        var refusal = await Assert.ThrowsAsync<HubException>(() => Actions.ActOnAlert(LiveFixtures.Operator(Region.MENA), "NA-1", "acknowledge", null, null));

        Assert.StartsWith("forbidden:", refusal.Message);
        Assert.Contains("NA", refusal.Message);
        Assert.Empty(_live.Grains.Calls);
    }

    [Theory]
    [InlineData("MENA-1", "close", null, null, "action:")]
    [InlineData("MENA-1", null, null, null, "action:")]
    [InlineData("MENA-1", "assign", null, null, "assignee:")]
    [InlineData("nope", "acknowledge", null, null, "alertId:")]
    [InlineData("", "acknowledge", null, null, "alertId:")]
    public async Task BadAlertInputIsRefusedNamingTheField(string? alertId, string? action, string? note, string? assignee, string field)
    {
        var refusal = await Assert.ThrowsAsync<HubException>(() => Actions.ActOnAlert(LiveFixtures.Operator(), alertId, action, note, assignee));

        Assert.StartsWith(field, refusal.Message);
    }

    [Fact]
    public async Task ANoteLongerThan2000CharactersIsRefused()
    {
        var refusal = await Assert.ThrowsAsync<HubException>(() => Actions.ActOnAlert(LiveFixtures.Operator(), "MENA-1", "acknowledge", new string('x', 2001), null));

        Assert.StartsWith("note: at most 2000 characters", refusal.Message);
        await Actions.ActOnAlert(LiveFixtures.Operator(), "MENA-1", "acknowledge", new string('x', 2000), null);
    }

    [Fact]
    public async Task AnUnknownAlertIsReportedAsNotFound()
    {
        var refusal = await Assert.ThrowsAsync<HubException>(() => Actions.ActOnAlert(LiveFixtures.Operator(), "MENA-404", "acknowledge", null, null));

        Assert.StartsWith("not found:", refusal.Message);
    }

    [Fact]
    public async Task AnAdvisorActsOnTheirOwnNudge()
    {
        var nudge = await Actions.ActOnNudge(LiveFixtures.Advisor("adv-a"), "n-a", "adv-a", "contacted", null);

        Assert.Equal(Vigil.Grains.Contracts.Advisors.NudgeStatus.Contacted, nudge.Status);
    }

    [Fact]
    public async Task AnAdvisorMayNotActOnAnotherAdvisorsNudge()
    {
        var refusal = await Assert.ThrowsAsync<HubException>(() => Actions.ActOnNudge(LiveFixtures.Advisor("adv-a"), "n-b", "adv-b", "resolve", null));
        var noteRefusal = await Assert.ThrowsAsync<HubException>(() => Actions.AddNudgeNote(LiveFixtures.Advisor("adv-a"), "n-b", "adv-b", "called", null));

        Assert.StartsWith("forbidden:", refusal.Message);
        Assert.StartsWith("forbidden:", noteRefusal.Message);
        Assert.Empty(_live.Grains.Calls);
    }

    [Fact]
    public async Task AnOperatorMayNotActOnNudgesButAnAdminMay()
    {
        var refusal = await Assert.ThrowsAsync<HubException>(() => Actions.ActOnNudge(LiveFixtures.Operator(), "n-b", "adv-b", "acknowledge", null));
        await Actions.ActOnNudge(LiveFixtures.Admin(), "n-b", "adv-b", "acknowledge", null);

        Assert.StartsWith("forbidden:", refusal.Message);
        Assert.Equal(["adv-b.Acknowledged(n-b)"], _live.Grains.Calls);
    }

    [Fact]
    public async Task SnoozingNeedsATimeInTheFuture()
    {
        var missing = await Assert.ThrowsAsync<HubException>(() => Actions.ActOnNudge(LiveFixtures.Advisor("adv-a"), "n-a", "adv-a", "snooze", null));
        var past = await Assert.ThrowsAsync<HubException>(() => Actions.ActOnNudge(LiveFixtures.Advisor("adv-a"), "n-a", "adv-a", "snooze", _live.Time.GetUtcNow().AddMinutes(-1)));
        var snoozed = await Actions.ActOnNudge(LiveFixtures.Advisor("adv-a"), "n-a", "adv-a", "snooze", _live.Time.GetUtcNow().AddHours(1));

        Assert.StartsWith("snoozeUntil:", missing.Message);
        Assert.StartsWith("snoozeUntil:", past.Message);
        Assert.Equal(Vigil.Grains.Contracts.Advisors.NudgeStatus.Snoozed, snoozed.Status);
    }

    [Fact]
    public async Task ANudgeNoteIsWrittenAboutTheNudgesVip()
    {
        await Actions.AddNudgeNote(LiveFixtures.Advisor("adv-a"), "n-a", "adv-a", "called, will call back", null);
        var tooLong = await Assert.ThrowsAsync<HubException>(() => Actions.AddNudgeNote(LiveFixtures.Advisor("adv-a"), "n-a", "adv-a", new string('x', 2001), null));

        Assert.Equal(["adv-a.AddNote(vip-n-a,n-a)"], _live.Grains.Calls);
        Assert.StartsWith("text:", tooLong.Message);
    }

    [Fact]
    public async Task AnOperatorDeclaresAnIncidentFromAlertsInTheirRegion()
    {
        var incident = await Actions.DeclareIncident(LiveFixtures.Operator(Region.MENA), new LiveIncidentDeclaration("raid", "P1", "commander", ["MENA-1"]));

        Assert.Equal("INC-9", incident.Id);
        Assert.Equal(["Declare(raid,P1,MENA-1,operator-MENA)"], _live.Grains.Calls);
    }

    [Fact]
    public async Task DeclaringAnIncidentIsRefusedForQaForAlertsOutOfRegionAndForBadInput()
    {
        var qa = await Assert.ThrowsAsync<HubException>(() => Actions.DeclareIncident(LiveFixtures.Qa(), new LiveIncidentDeclaration("raid", "P1", "commander", ["MENA-1"])));
        var region = await Assert.ThrowsAsync<HubException>(() => Actions.DeclareIncident(LiveFixtures.Operator(Region.MENA), new LiveIncidentDeclaration("raid", "P1", "commander", ["NA-1"])));
        var severity = await Assert.ThrowsAsync<HubException>(() => Actions.DeclareIncident(LiveFixtures.Operator(), new LiveIncidentDeclaration("raid", "P9", "commander", ["NA-1"])));
        var alerts = await Assert.ThrowsAsync<HubException>(() => Actions.DeclareIncident(LiveFixtures.Operator(), new LiveIncidentDeclaration("raid", "P1", "commander", [])));
        var title = await Assert.ThrowsAsync<HubException>(() => Actions.DeclareIncident(LiveFixtures.Operator(), new LiveIncidentDeclaration(" ", "P1", "commander", ["NA-1"])));

        Assert.StartsWith("forbidden:", qa.Message);
        Assert.StartsWith("forbidden:", region.Message);
        Assert.StartsWith("severity:", severity.Message);
        Assert.StartsWith("alertIds:", alerts.Message);
        Assert.StartsWith("title:", title.Message);
        Assert.Empty(_live.Grains.Calls);
    }

    [Fact]
    public async Task OnlyCommandersAndAdminsChangeAnIncidentsStatus()
    {
        var op = await Assert.ThrowsAsync<HubException>(() => Actions.SetIncidentStatus(LiveFixtures.Operator(), "INC-1", "mitigating", null));
        var badStatus = await Assert.ThrowsAsync<HubException>(() => Actions.SetIncidentStatus(LiveFixtures.Commander(), "INC-1", "closed", null));
        var incident = await Actions.SetIncidentStatus(LiveFixtures.Commander(), "INC-1", "mitigating", "blocking the room");

        Assert.StartsWith("forbidden:", op.Message);
        Assert.StartsWith("status:", badStatus.Message);
        Assert.Equal(Vigil.Grains.Contracts.Incidents.IncidentStatus.Mitigating, incident.Status);
    }

    [Fact]
    public async Task AnIncidentNoteNeedsTheRoleAndTheIncidentsRegion()
    {
        var advisor = await Assert.ThrowsAsync<HubException>(() => Actions.AddIncidentNote(LiveFixtures.Advisor("adv-a"), "INC-1", "hello"));
        var mena = await Assert.ThrowsAsync<HubException>(() => Actions.AddIncidentNote(LiveFixtures.Operator(Region.MENA), "INC-1", "hello"));
        var missing = await Assert.ThrowsAsync<HubException>(() => Actions.AddIncidentNote(LiveFixtures.Operator(), "INC-404", "hello"));
        await Actions.AddIncidentNote(LiveFixtures.Operator(Region.NA), "INC-1", "room blocked");

        Assert.StartsWith("forbidden:", advisor.Message);
        Assert.StartsWith("forbidden:", mena.Message);
        Assert.StartsWith("not found:", missing.Message);
        Assert.Equal(["AddNote(INC-1,operator-NA)"], _live.Grains.Calls);
    }
}
