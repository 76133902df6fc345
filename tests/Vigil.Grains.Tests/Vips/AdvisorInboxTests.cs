using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Reasons;
using Vigil.Grains.Tests.Infrastructure;

namespace Vigil.Grains.Tests.Vips;

public sealed class AdvisorInboxTests
{
    private static readonly WordedReason NoSession = ReasonTemplates.NoSession(9);

    [Fact]
    public async Task AnAdvisorTakesANudgeFromOpenToResolvedAndEveryStepIsPublished()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        await using var feed = new FeedProbe(silo.Feed);
        var advisor = silo.Grain<IAdvisorGrain>("adv-steps");
        var nudge = await advisor.AddNudge("u-1", 72, [NoSession.Text], [NoSession.Detail]);

        await advisor.Acknowledge(nudge.Id);
        var contacted = await advisor.MarkContacted(nudge.Id);
        var resolved = await advisor.Resolve(nudge.Id);

        Assert.Equal(silo.Time.GetUtcNow(), contacted.ContactedAt);
        Assert.Equal(NudgeStatus.Resolved, resolved.Status);
        Assert.Empty(await advisor.GetNudges());
        await feed.WaitFor(c => c.Nudge.Id == nudge.Id && c.Change == "resolved", "the resolution");
        Assert.Equal(["raised", "acknowledged", "contacted", "resolved"], feed.Items.Select(i => i.Change));
        Assert.Equal([1L, 2, 3, 4], feed.Items.Select(i => i.Nudge.Version));
    }

    [Fact]
    public async Task AcknowledgingAResolvedNudgeFailsWithAnErrorNamingTheNudgeAndTheTransition()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var advisor = silo.Grain<IAdvisorGrain>("adv-invalid");
        var nudge = await advisor.AddNudge("u-1", 72, [NoSession.Text], [NoSession.Detail]);
        await advisor.Resolve(nudge.Id);

        var error = await Assert.ThrowsAsync<NudgeTransitionException>(() => advisor.Acknowledge(nudge.Id));

        Assert.Equal((nudge.Id, NudgeStatus.Resolved, NudgeStatus.Acknowledged), (error.NudgeId, error.From, error.To));
        Assert.Equal($"Nudge {nudge.Id} cannot go from Resolved to Acknowledged: it is final.", error.Message);
    }

    [Fact]
    public async Task AContactedNudgeCannotGoBackToAcknowledged()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var advisor = silo.Grain<IAdvisorGrain>("adv-back");
        var nudge = await advisor.AddNudge("u-1", 72, [NoSession.Text], [NoSession.Detail]);
        await advisor.MarkContacted(nudge.Id);

        var error = await Assert.ThrowsAsync<NudgeTransitionException>(() => advisor.Acknowledge(nudge.Id));

        Assert.Equal($"Nudge {nudge.Id} cannot go from Contacted to Acknowledged: it can go to Resolved, Snoozed.", error.Message);
        Assert.Equal(NudgeStatus.Contacted, (await advisor.GetNudge(nudge.Id)).Status);
    }

    [Fact]
    public async Task ASnoozedNudgeIsOpenAgainWhenItsTimerFires()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        await using var feed = new FeedProbe(silo.Feed);
        var advisor = silo.Grain<IAdvisorGrain>("adv-snooze");
        var nudge = await advisor.AddNudge("u-1", 72, [NoSession.Text], [NoSession.Detail]);
        var snoozed = await advisor.Snooze(nudge.Id, silo.Time.GetUtcNow().AddMinutes(10));
        Assert.Equal(NudgeStatus.Snoozed, snoozed.Status);

        silo.Time.Advance(TimeSpan.FromMinutes(11));

        var woken = await feed.WaitFor(c => c.Nudge.Id == nudge.Id && c.Change == "snooze ended", "the snooze timer reopening the nudge");
        Assert.Equal((NudgeStatus.Open, (DateTimeOffset?)null), (woken.Nudge.Status, woken.Nudge.SnoozedUntil));
    }

    [Fact]
    public async Task ASnoozeThatEndedWhileNobodyWatchedIsOpenOnTheNextRead()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var advisor = silo.Grain<IAdvisorGrain>("adv-snooze-read");
        var nudge = await advisor.AddNudge("u-1", 72, [NoSession.Text], [NoSession.Detail]);
        await advisor.Snooze(nudge.Id, silo.Time.GetUtcNow().AddDays(2));

        silo.Time.Advance(TimeSpan.FromDays(3));

        Assert.Equal(NudgeStatus.Open, Assert.Single(await advisor.GetNudges()).Status);
    }

    [Fact]
    public async Task SnoozingUntilATimeAlreadyPastIsRefused()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var advisor = silo.Grain<IAdvisorGrain>("adv-snooze-past");
        var nudge = await advisor.AddNudge("u-1", 72, [NoSession.Text], [NoSession.Detail]);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => advisor.Snooze(nudge.Id, silo.Time.GetUtcNow().AddMinutes(-1)));
    }

    [Fact]
    public async Task ANoteWithAFollowUpDateMovesTheNudgesDueDate()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var advisor = silo.Grain<IAdvisorGrain>("adv-notes");
        var nudge = await advisor.AddNudge("u-1", 72, [NoSession.Text], [NoSession.Detail]);
        var followUp = silo.Time.GetUtcNow().AddDays(5);

        var note = await advisor.AddNote("u-1", nudge.Id, "Called, will be back after the holidays", followUp);

        var updated = await advisor.GetNudge(nudge.Id);
        Assert.Equal(followUp, updated.DueAt);
        Assert.Equal(note, Assert.Single(updated.Notes));
        Assert.Equal([note], await advisor.GetNotes());
    }

    [Fact]
    public async Task AnUnknownNudgeIdIsReportedWithTheAdvisor()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var advisor = silo.Grain<IAdvisorGrain>("adv-unknown");

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => advisor.Acknowledge("nope"));

        Assert.Equal("Advisor adv-unknown has no nudge 'nope'.", error.Message);
    }
}
