namespace Vigil.Grains.Contracts.Reasons;

/// <summary>
/// Every <see cref="ReasonDetail.Code"/> the grains produce. Clients translate <c>reason.&lt;code&gt;</c>; a code, once
/// shipped, keeps its meaning and arguments (a new wording needs a new code). Durations carry either <c>days</c> or
/// <c>hours</c>, so a client words them with its own units and plurals.
/// </summary>
public static class ReasonCodes
{
    /// <summary>Spend fell against the user's baseline: <c>percent</c>, <c>days</c> (the baseline's length).</summary>
    public const string SpendDown = "churn.spendDown";

    /// <summary>Spend of the last 30 days fell against the 30 before: <c>percent</c>.</summary>
    public const string SpendDownMonth = "churn.spendDownMonth";

    /// <summary>Sessions per day fell against the baseline: <c>percent</c>, <c>days</c>.</summary>
    public const string SessionsDown = "churn.sessionsDown";

    /// <summary>Sessions of the last 30 days fell against the 30 before: <c>percent</c>.</summary>
    public const string SessionsDownMonth = "churn.sessionsDownMonth";

    /// <summary>Minutes in the app per day fell against the baseline: <c>percent</c>, <c>days</c>.</summary>
    public const string TimeInAppDown = "churn.timeInAppDown";

    /// <summary>Minutes in the app over the last 30 days fell against the 30 before: <c>percent</c>.</summary>
    public const string TimeInAppDownMonth = "churn.timeInAppDownMonth";

    /// <summary>No session for a while: <c>days</c> or <c>hours</c>.</summary>
    public const string NoSession = "churn.noSession";

    /// <summary>No gift for a while: <c>days</c> or <c>hours</c>.</summary>
    public const string NoGift = "churn.noGift";

    /// <summary>One open complaint: its age as <c>days</c> or <c>hours</c>.</summary>
    public const string OpenComplaint = "churn.openComplaint";

    /// <summary>Several open complaints: <c>count</c>, the oldest's age as <c>days</c> or <c>hours</c>.</summary>
    public const string OpenComplaints = "churn.openComplaints";

    /// <summary>A recent low satisfaction survey: <c>score</c> (out of 5).</summary>
    public const string LowSurvey = "churn.lowSurvey";

    /// <summary>A classifier's decayed peak score: <c>category</c>, <c>score</c>, <c>adds</c> (risk it adds).</summary>
    public const string Classifier = "risk.classifier";

    /// <summary>Recent user reports (decayed count): <c>category</c>, <c>count</c>, <c>adds</c>.</summary>
    public const string Reports = "risk.reports";

    /// <summary>Recent chat keyword hits (decayed count): <c>category</c>, <c>count</c>, <c>adds</c>.</summary>
    public const string Keywords = "risk.keywords";

    /// <summary>All codes, for tests and tools that check translations.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SpendDown, SpendDownMonth, SessionsDown, SessionsDownMonth, TimeInAppDown, TimeInAppDownMonth,
        NoSession, NoGift, OpenComplaint, OpenComplaints, LowSurvey,
        Classifier, Reports, Keywords,
    ];
}
