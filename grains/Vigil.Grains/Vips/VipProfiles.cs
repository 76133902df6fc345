using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Vips;

namespace Vigil.Grains.Vips;

/// <summary>Builds the read model of a VIP (<see cref="VipProfile"/>) from its state and an assessment.</summary>
public static class VipProfiles
{
    public static VipProfile Create(
        string userId, VipUserState state, in EngagementSummary summary, VipTier spendTier, ChurnAssessment assessment, DateTimeOffset now)
    {
        var nudge = state.Nudge;
        var nudgeStatus = nudge is { Status: NudgeStatus.Snoozed } && nudge.SnoozedUntil <= now ? NudgeStatus.Open : nudge?.Status;
        return new VipProfile
        {
            UserId = userId,
            Tier = state.AssignedTier ?? spendTier,
            SpendTier = spendTier,
            AdvisorId = state.AdvisorId,
            Region = state.Region,
            ChurnRisk = assessment.Risk,
            Reasons = assessment.Texts,
            ReasonDetails = assessment.Details,
            Engagement = new VipEngagement
            {
                Spend30Days = summary.Last30Days.Spend,
                Gifts30Days = summary.Last30Days.Gifts,
                Sessions30Days = summary.Last30Days.Sessions,
                Minutes30Days = Math.Round(summary.Last30Days.Minutes, 1),
                DaysSinceLastSession = Round(summary.DaysSinceLastSession),
                DaysSinceLastGift = Round(summary.DaysSinceLastGift),
                OpenComplaints = summary.OpenComplaints,
                OldestOpenComplaintDays = Round(summary.OldestOpenComplaintDays),
                LastSurveyScore = summary.LastSurveyScore,
            },
            LastNudgeId = nudge?.NudgeId,
            LastNudgeStatus = nudgeStatus,
            WonBackAt = state.WonBackAt,
            AssessedAt = now,
        };
    }

    private static double? Round(double? days) => days is { } d ? Math.Round(d, 1) : null;
}
