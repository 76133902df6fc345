using System.Globalization;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Reasons;

namespace Vigil.Grains.Reasons;

/// <summary>
/// The one place a reason is worded: each template returns the English text and the <see cref="ReasonDetail"/> from
/// the same values, so the two cannot drift. Codes come from <see cref="ReasonCodes"/>; clients translate them.
/// </summary>
public static class ReasonTemplates
{
    /// <summary>"spend down 72% vs their 4-week average": a fall against the user's baseline of <paramref name="baselineDays"/>.</summary>
    public static WordedReason TrendDown(TrendSignal signal, double drop, int baselineDays)
    {
        var percent = Percent(drop);
        var average = baselineDays % 7 == 0 ? $"{I(baselineDays / 7)}-week" : $"{I(baselineDays)}-day";
        var (code, what) = signal switch
        {
            TrendSignal.Spend => (ReasonCodes.SpendDown, "spend"),
            TrendSignal.Sessions => (ReasonCodes.SessionsDown, "sessions"),
            _ => (ReasonCodes.TimeInAppDown, "time in app"),
        };
        return Worded($"{what} down {I(percent)}% vs their {average} average", code, ("percent", I(percent)), ("days", I(baselineDays)));
    }

    /// <summary>"spend down 40% over the last 30 days vs the 30 before".</summary>
    public static WordedReason TrendDownOverMonths(TrendSignal signal, double drop)
    {
        var percent = Percent(drop);
        var (code, what) = signal switch
        {
            TrendSignal.Spend => (ReasonCodes.SpendDownMonth, "spend"),
            TrendSignal.Sessions => (ReasonCodes.SessionsDownMonth, "sessions"),
            _ => (ReasonCodes.TimeInAppDownMonth, "time in app"),
        };
        return Worded($"{what} down {I(percent)}% over the last 30 days vs the 30 before", code, ("percent", I(percent)));
    }

    /// <summary>"no session for 9 days" (hours under a day).</summary>
    public static WordedReason NoSession(double days)
    {
        var duration = Duration(days);
        return Worded($"no session for {duration.Text}", ReasonCodes.NoSession, duration.Arg);
    }

    /// <summary>"no gift for 12 days" (hours under a day).</summary>
    public static WordedReason NoGift(double days)
    {
        var duration = Duration(days);
        return Worded($"no gift for {duration.Text}", ReasonCodes.NoGift, duration.Arg);
    }

    /// <summary>"1 open complaint, 3 days old" or "2 open complaints, oldest 6 days".</summary>
    public static WordedReason OpenComplaints(int open, double oldestDays)
    {
        var age = Duration(oldestDays);
        return open == 1
            ? Worded($"1 open complaint, {age.Text} old", ReasonCodes.OpenComplaint, age.Arg)
            : Worded($"{I(open)} open complaints, oldest {age.Text}", ReasonCodes.OpenComplaints, ("count", I(open)), age.Arg);
    }

    /// <summary>"last survey 1/5".</summary>
    public static WordedReason LowSurvey(int score) => Worded($"last survey {I(score)}/5", ReasonCodes.LowSurvey, ("score", I(score)));

    /// <summary>"minor_safety classifier score 0.95 (decayed peak) adds 0.90".</summary>
    public static WordedReason Classifier(Category category, double decayedScore, double adds)
    {
        var name = EventNames.Name(category);
        return Worded(
            $"{name} classifier score {N(decayedScore)} (decayed peak) adds {N(adds)}",
            ReasonCodes.Classifier, ("category", name), ("score", N(decayedScore)), ("adds", N(adds)));
    }

    /// <summary>"2.40 recent hate user reports (decayed) add 0.31".</summary>
    public static WordedReason Reports(Category category, double decayedReports, double adds)
    {
        var name = EventNames.Name(category);
        return Worded(
            $"{N(decayedReports)} recent {name} user reports (decayed) add {N(adds)}",
            ReasonCodes.Reports, ("category", name), ("count", N(decayedReports)), ("adds", N(adds)));
    }

    /// <summary>"3.10 recent drugs chat keyword hits (decayed) add 0.12".</summary>
    public static WordedReason Keywords(Category category, double decayedHits, double adds)
    {
        var name = EventNames.Name(category);
        return Worded(
            $"{N(decayedHits)} recent {name} chat keyword hits (decayed) add {N(adds)}",
            ReasonCodes.Keywords, ("category", name), ("count", N(decayedHits)), ("adds", N(adds)));
    }

    /// <summary>The English texts and the details of <paramref name="reasons"/>, in the same order.</summary>
    public static (IReadOnlyList<string> Texts, IReadOnlyList<ReasonDetail> Details) Split(IReadOnlyList<WordedReason> reasons) =>
        (reasons.Select(r => r.Text).ToArray(), reasons.Select(r => r.Detail).ToArray());

    private static WordedReason Worded(string text, string code, params ReadOnlySpan<(string Name, string Value)> args)
    {
        var values = new Dictionary<string, string>(args.Length, StringComparer.Ordinal);
        foreach (var (name, value) in args)
        {
            values.Add(name, value);
        }

        return new WordedReason(text, new ReasonDetail(code, values.AsReadOnly()));
    }

    /// <summary>"9 days", "1 day", or hours under a day; the argument is the same whole number the text shows.</summary>
    private static (string Text, (string Name, string Value) Arg) Duration(double days)
    {
        if (days < 1)
        {
            var hours = (int)Math.Floor(days * 24);
            return (hours == 1 ? "1 hour" : $"{I(hours)} hours", ("hours", I(hours)));
        }

        var whole = (int)Math.Floor(days);
        return (whole == 1 ? "1 day" : $"{I(whole)} days", ("days", I(whole)));
    }

    private static int Percent(double fraction) => (int)Math.Round(fraction * 100);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
