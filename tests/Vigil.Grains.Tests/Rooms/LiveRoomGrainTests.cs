using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Heat;
using Vigil.Grains.Contracts.Reasons;
using Vigil.Grains.Contracts.Rooms;
using Vigil.Grains.Heat;
using Vigil.Grains.Tests.Infrastructure;
using Vigil.Grains.Tests.Reasons;

namespace Vigil.Grains.Tests.Rooms;

public sealed class LiveRoomGrainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ASustainedHighNudityScoreRaisesOneAlertNotMany()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var room = silo.Grain<ILiveRoomGrain>("r-sustained");
        await room.Apply([Events.Started("r-sustained", "b-1", Start)]);

        for (var i = 0; i < 12; i++)
        {
            await room.Apply([Events.Score("r-sustained", Category.Nudity, 0.93, Start.AddSeconds(10 * i))]);
        }

        var alerts = await OpenAlerts(silo, "r-sustained");
        var alert = Assert.Single(alerts);
        Assert.Equal(Category.Nudity, alert.Category);
        Assert.Equal(12, alert.EvidenceCount);
        Assert.Equal(0.93, alert.PeakScore);
        Assert.Contains(alert.Reasons, r => r.Contains("nudity classifier score", StringComparison.Ordinal));
        ReasonAssert.EveryReasonHasADetail(alert.Reasons, alert.ReasonDetails);
        Assert.Equal("nudity", alert.ReasonDetails[0].Args["category"]);
    }

    [Fact]
    public async Task FadingEvidenceClosesTheAlert()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var room = silo.Grain<ILiveRoomGrain>("r-fade");
        await room.Apply([Events.Score("r-fade", Category.Nudity, 0.8, Start), Events.Score("r-fade", Category.Nudity, 0.8, Start.AddSeconds(5))]);
        var raised = Assert.Single(await OpenAlerts(silo, "r-fade"));

        // Classifier evidence halves every 2 minutes: after 10 quiet minutes it is far below the alert threshold.
        await Pass(silo, room, TimeSpan.FromMinutes(10));

        Assert.Empty(await OpenAlerts(silo, "r-fade"));
        var closed = await silo.Grain<IAlertCenterGrain>("MENA").Get(raised.Id);
        Assert.Equal(AlertStatus.Resolved, closed!.Status);
        var audit = await silo.Grain<IAlertCenterGrain>("MENA").Audit(raised.Id);
        Assert.Contains(audit, a => a.Actor == "system" && a.Note is { } note && note.StartsWith("evidence faded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABurstOfUserReportsRaisesAnAlert()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var room = silo.Grain<ILiveRoomGrain>("r-reports");

        await room.Apply(Enumerable.Range(0, 25).Select(i => Events.Report("r-reports", Category.MinorSafety, Start.AddSeconds(i))).ToArray());

        var alert = Assert.Single(await OpenAlerts(silo, "r-reports"));
        Assert.Equal(Category.MinorSafety, alert.Category);
        Assert.Contains(alert.Reasons, r => r.Contains("user reports", StringComparison.Ordinal));
        ReasonAssert.EveryReasonHasADetail(alert.Reasons, alert.ReasonDetails);
        Assert.Contains(alert.ReasonDetails, d => d.Code == ReasonCodes.Reports && d.Args["category"] == "minor_safety");
    }

    [Fact]
    public async Task ALoneReportDoesNotRaiseAnAlert()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var room = silo.Grain<ILiveRoomGrain>("r-lone");

        await room.Apply([Events.Report("r-lone", Category.Harassment, Start)]);

        Assert.Empty(await OpenAlerts(silo, "r-lone"));
        Assert.Equal("Normal", (await room.GetState()).State);
    }

    [Theory]
    [InlineData("مُخَدِّرَاتٌ رخيصة هنا", "ar", Category.Drugs)]
    [InlineData("مخــــدرات", "ar", Category.Drugs)]
    [InlineData("best c4s1n0 in town, b e t  n o w", "en", Category.Gambling)]
    [InlineData("k.i.l.l m.y.s.e.l.f tonight", "en", Category.SelfHarm)]
    public async Task AChatKeywordCountsAsEvidenceEvenWhenSpelledAroundTheFilter(string text, string lang, Category expected)
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var room = silo.Grain<ILiveRoomGrain>("r-chat-" + expected);

        await room.Apply([Events.Chat("r-chat-" + expected, text, lang, Start)]);

        var risk = Assert.Single((await room.GetState()).Risks);
        Assert.Equal(expected, risk.Category);
        Assert.True(risk.Risk > 0);
        Assert.Contains(risk.Reasons, r => r.Contains("chat keyword", StringComparison.Ordinal));
        ReasonAssert.EveryReasonHasADetail(risk.Reasons, risk.ReasonDetails);
        Assert.Contains(risk.ReasonDetails, d => d.Code == ReasonCodes.Keywords);
    }

    [Fact]
    public async Task ClassifierEvidenceDecaysByHalfEachHalfLife()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var room = silo.Grain<ILiveRoomGrain>("r-decay");
        await room.Apply([Events.Score("r-decay", Category.Spam, 0.8, Start)]);
        var before = Assert.Single((await room.GetState()).Risks).Risk;

        silo.Time.Advance(TimeSpan.FromMinutes(2));
        var after = Assert.Single((await room.GetState()).Risks).Risk;

        Assert.Equal(0.95 * 0.8, before, 3);
        Assert.Equal(0.95 * 0.4, after, 3);
    }

    [Fact]
    public async Task AnUnacknowledgedP1AlertEscalatesOnceItsSlaPasses()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var room = silo.Grain<ILiveRoomGrain>("r-sla");
        var center = silo.Grain<IAlertCenterGrain>("MENA");
        await room.Apply([Events.Score("r-sla", Category.MinorSafety, 0.97, Start)]);
        var alert = Assert.Single(await OpenAlerts(silo, "r-sla"));
        Assert.Equal(Severity.P1, alert.Severity);

        await PassAtCenter(silo, center, TimeSpan.FromSeconds(50));
        Assert.Equal(AlertStatus.Open, (await center.Get(alert.Id))!.Status);
        await PassAtCenter(silo, center, TimeSpan.FromMinutes(5));

        Assert.Equal(AlertStatus.Escalated, (await center.Get(alert.Id))!.Status);
        var escalations = (await center.Audit(alert.Id)).Where(a => a.Action == "escalated").ToArray();
        var escalation = Assert.Single(escalations);
        Assert.Equal("system", escalation.Actor);
        Assert.Contains("P1 SLA of 1 min", escalation.Note);
    }

    [Fact]
    public async Task AnAcknowledgedAlertDoesNotEscalate()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var center = silo.Grain<IAlertCenterGrain>("MENA");
        await silo.Grain<ILiveRoomGrain>("r-ack").Apply([Events.Score("r-ack", Category.SelfHarm, 0.96, Start)]);
        var alert = Assert.Single(await OpenAlerts(silo, "r-ack"));

        await center.Act(alert.Id, AlertAction.Acknowledge, "op-lina", "looking now");
        await PassAtCenter(silo, center, TimeSpan.FromMinutes(3));

        Assert.Equal(AlertStatus.Acknowledged, (await center.Get(alert.Id))!.Status);
        Assert.Contains(await center.Audit(alert.Id), a => a.Actor == "op-lina" && a.Note == "looking now");
    }

    [Fact]
    public async Task ViewersAndPeakFollowJoinsAndLeavesInAnyOrder()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var room = silo.Grain<ILiveRoomGrain>("r-viewers");
        var joins = Enumerable.Range(0, 30).Select(i => Events.Joined("r-viewers", Start.AddSeconds(i))).ToArray();

        await room.Apply([Events.Started("r-viewers", "b-9", Start), .. joins.Reverse()]);
        var state = await room.GetState();

        Assert.True(state.Live);
        Assert.Equal(30, state.Viewers);
        Assert.Equal(30, state.PeakViewers);
        Assert.True(state.Heat > 0);
    }

    [Fact]
    public async Task HeatReachesTheListAtStartThenAtMostOncePerListRefresh()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var room = silo.Grain<ILiveRoomGrain>("r-heat");
        var list = silo.Grain<IHeatListGrain>("global");
        await room.Apply([Events.Started("r-heat", "b-1", Start)]);
        var atStart = Assert.Single(await list.Top(10));

        await room.Apply([Events.Joined("r-heat", Start.AddSeconds(1))]);
        var withinRefresh = Assert.Single(await list.Top(10));
        silo.Time.Advance(HeatListGrain.RefreshPeriod);
        await room.Apply([Events.Joined("r-heat", Start.AddSeconds(2))]);
        var afterRefresh = Assert.Single(await list.Top(10));

        Assert.Equal((0, 0, 2), (atStart.Viewers, withinRefresh.Viewers, afterRefresh.Viewers));
    }

    [Fact]
    public async Task AHeatListEntryCarriesTheRoomsTitle()
    {
        await using var silo = await GrainTestSilo.StartAsync();

        await silo.Grain<ILiveRoomGrain>("r-titled").Apply([Events.Started("r-titled", "b-1", Start)]);

        Assert.Equal("evening show", Assert.Single(await silo.Grain<IHeatListGrain>("MENA").Top(10)).Title);
    }

    private static async Task<AlertSnapshot[]> OpenAlerts(GrainTestSilo silo, string roomId) =>
        (await silo.Grain<IAlertCenterGrain>("MENA").List(null, null))
            .Where(a => a.RoomId == roomId && a.Status != AlertStatus.Resolved)
            .ToArray();

    /// <summary>Moves the clock in the room's evaluation steps, letting each timer tick finish before the next.</summary>
    private static async Task Pass(GrainTestSilo silo, ILiveRoomGrain room, TimeSpan span)
    {
        for (var passed = TimeSpan.Zero; passed < span; passed += TimeSpan.FromSeconds(15))
        {
            silo.Time.Advance(TimeSpan.FromSeconds(15));
            await room.GetState();
        }
    }

    private static async Task PassAtCenter(GrainTestSilo silo, IAlertCenterGrain center, TimeSpan span)
    {
        for (var passed = TimeSpan.Zero; passed < span; passed += TimeSpan.FromSeconds(5))
        {
            silo.Time.Advance(TimeSpan.FromSeconds(5));
            await center.List(null, null);
        }
    }
}
