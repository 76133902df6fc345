using Vigil.Grains.Vips;

namespace Vigil.Grains.Tests.Vips;

public sealed class EngagementLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ViewingMinutesComeFromJoinAndLeavePairsInEitherOrder()
    {
        var state = new VipUserState();

        Record(state,
            VipEvents.Joined("u-1", "r-a", Now.AddHours(-3)),
            VipEvents.Left("u-1", "r-a", Now.AddHours(-3).AddMinutes(45)),
            VipEvents.Left("u-1", "r-b", Now.AddHours(-1)),
            VipEvents.Joined("u-1", "r-b", Now.AddHours(-1).AddMinutes(-30)));

        var summary = EngagementLedger.Summarize(state, Now, 7, 28);
        Assert.Equal(75, summary.Last30Days.Minutes, precision: 6);
        Assert.Empty(state.OpenViews!);
        Assert.Empty(state.EarlyLeaves!);
    }

    [Fact]
    public void ALateEventLandsOnItsOwnDayNotOnToday()
    {
        var state = new VipUserState();

        Record(state, VipEvents.Gift("u-1", 300, Now), VipEvents.Gift("u-1", 9_000, Now.AddDays(-40)));

        var summary = EngagementLedger.Summarize(state, Now, 7, 28);
        Assert.Equal(300, summary.Last30Days.Spend);
        Assert.Equal(9_000, summary.Previous30Days.Spend);
    }

    [Fact]
    public void AnEventPastTheSixtyDayRingDoesNotOverwriteANewerDay()
    {
        var state = new VipUserState();

        // 60 days apart: both fall on the same ring slot, and the newer day keeps it.
        Record(state, VipEvents.Gift("u-1", 300, Now), VipEvents.Gift("u-1", 9_000, Now.AddDays(-EngagementLedger.RetainedDays)));

        var summary = EngagementLedger.Summarize(state, Now, 7, 28);
        Assert.Equal(300, summary.Last30Days.Spend);
        Assert.Equal(0, summary.Previous30Days.Spend);
    }

    [Fact]
    public void AResolutionThatArrivesBeforeItsComplaintStillClosesIt()
    {
        var state = new VipUserState();

        Record(state, VipEvents.Resolved("u-1", "t-1", Now), VipEvents.Complaint("u-1", "t-1", Now.AddDays(-1)));

        Assert.Equal(0, EngagementLedger.Summarize(state, Now, 7, 28).OpenComplaints);
    }

    private static void Record(VipUserState state, params Contracts.Events.LiveEvent[] events)
    {
        foreach (var e in events)
        {
            EngagementLedger.Record(state, e);
        }
    }
}
