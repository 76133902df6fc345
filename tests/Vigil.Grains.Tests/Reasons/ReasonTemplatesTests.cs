using System.Globalization;
using System.Text.Json;
using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Reasons;
using Vigil.Grains.Reasons;

namespace Vigil.Grains.Tests.Reasons;

public sealed class ReasonTemplatesTests
{
    /// <summary>Every template in every variant, so a code added to one side only is caught.</summary>
    public static IReadOnlyList<WordedReason> EveryTemplate() =>
    [
        .. Enum.GetValues<TrendSignal>().Select(s => ReasonTemplates.TrendDown(s, 0.72, 28)),
        .. Enum.GetValues<TrendSignal>().Select(s => ReasonTemplates.TrendDownOverMonths(s, 0.4)),
        ReasonTemplates.NoSession(9.5),
        ReasonTemplates.NoSession(0.25),
        ReasonTemplates.NoGift(1.2),
        ReasonTemplates.OpenComplaints(1, 3),
        ReasonTemplates.OpenComplaints(2, 6.4),
        ReasonTemplates.LowSurvey(1),
        ReasonTemplates.Classifier(Category.MinorSafety, 0.95, 0.9),
        ReasonTemplates.Reports(Category.Hate, 2.4, 0.31),
        ReasonTemplates.Keywords(Category.Drugs, 3.1, 0.12),
    ];

    [Fact]
    public void TheTemplatesProduceExactlyTheListedCodes()
    {
        var produced = EveryTemplate().Select(r => r.Detail.Code).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(ReasonCodes.All.Order(StringComparer.Ordinal), produced);
        Assert.Equal(ReasonCodes.All.Count, ReasonCodes.All.Distinct().Count());
    }

    [Fact]
    public void AClassifierReasonNamesTheCategoryByItsWireNameAndNumbersInvariantlyWhateverTheCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var reason = ReasonTemplates.Classifier(Category.MinorSafety, 0.95, 0.9);

            Assert.Equal("minor_safety classifier score 0.95 (decayed peak) adds 0.90", reason.Text);
            Assert.Equal(Detail(ReasonCodes.Classifier, ("category", "minor_safety"), ("score", "0.95"), ("adds", "0.90")), reason.Detail);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void ASpendTrendCarriesThePercentAsAnIntegerAndTheBaselineInDays()
    {
        var reason = ReasonTemplates.TrendDown(TrendSignal.Spend, 0.7249, 28);

        Assert.Equal("spend down 72% vs their 4-week average", reason.Text);
        Assert.Equal(Detail(ReasonCodes.SpendDown, ("percent", "72"), ("days", "28")), reason.Detail);
    }

    [Fact]
    public void ADurationCarriesTheWholeNumberTheTextShowsInDaysOrUnderADayInHours()
    {
        var days = ReasonTemplates.NoSession(9.9);
        var hours = ReasonTemplates.NoGift(0.26);

        Assert.Equal(("no session for 9 days", Detail(ReasonCodes.NoSession, ("days", "9"))), (days.Text, days.Detail));
        Assert.Equal(("no gift for 6 hours", Detail(ReasonCodes.NoGift, ("hours", "6"))), (hours.Text, hours.Detail));
    }

    [Fact]
    public void SeveralOpenComplaintsCarryTheirCountAndTheOldestsAge()
    {
        var reason = ReasonTemplates.OpenComplaints(2, 6.4);

        Assert.Equal("2 open complaints, oldest 6 days", reason.Text);
        Assert.Equal(Detail(ReasonCodes.OpenComplaints, ("count", "2"), ("days", "6")), reason.Detail);
    }

    [Fact]
    public void ANudgeStoredBeforeDetailsExistedReadsWithNoDetails()
    {
        const string stored = """
            {"Id":"n-1","UserId":"u-1","AdvisorId":"adv-1","Risk":72,"Reasons":["no session for 9 days"],"Status":0,
             "CreatedAt":"2026-11-01T00:00:00+00:00","UpdatedAt":"2026-11-01T00:00:00+00:00","DueAt":"2026-11-01T04:00:00+00:00"}
            """;

        var nudge = JsonSerializer.Deserialize<Nudge>(stored)!;

        Assert.Equal(["no session for 9 days"], nudge.Reasons);
        Assert.Empty(nudge.ReasonDetails);
    }

    [Fact]
    public void AnAlertsDetailsSurviveAJsonRoundTrip()
    {
        var reason = ReasonTemplates.Classifier(Category.Nudity, 0.93, 0.88);
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var alert = new AlertSnapshot
        {
            Id = "MENA-000001", RoomId = "r-1", BroadcasterId = "b-1", Region = Region.MENA, Category = Category.Nudity,
            Severity = Severity.P1, Status = AlertStatus.Open, RaisedAt = at, UpdatedAt = at, Reasons = [reason.Text],
            ReasonDetails = [reason.Detail], EvidenceCount = 3, PeakScore = 0.93,
        };

        var read = JsonSerializer.Deserialize<AlertSnapshot>(JsonSerializer.Serialize(alert))!;

        Assert.Equal([reason.Detail], read.ReasonDetails);
    }

    private static ReasonDetail Detail(string code, params (string Name, string Value)[] args) =>
        new(code, args.ToDictionary(a => a.Name, a => a.Value));
}
