namespace Vigil.Grains.Contracts.Vips;

/// <summary>A VIP's recent engagement: the last 30 days of event time, and how long ago they were last seen.</summary>
public sealed record VipEngagement
{
    /// <summary>Gift value in platform coins over the last 30 days.</summary>
    public required double Spend30Days { get; init; }

    public required int Gifts30Days { get; init; }

    public required int Sessions30Days { get; init; }

    /// <summary>App session minutes plus viewing minutes over the last 30 days.</summary>
    public required double Minutes30Days { get; init; }

    /// <summary>Days since the last app session or viewing; null when none was ever seen.</summary>
    public double? DaysSinceLastSession { get; init; }

    /// <summary>Days since the last gift; null when none was ever seen.</summary>
    public double? DaysSinceLastGift { get; init; }

    public required int OpenComplaints { get; init; }

    /// <summary>Age in days of the oldest open complaint; null when none is open.</summary>
    public double? OldestOpenComplaintDays { get; init; }

    /// <summary>The latest satisfaction survey answer (1..5); null when none was received.</summary>
    public int? LastSurveyScore { get; init; }
}
