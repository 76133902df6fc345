using Vigil.Grains.Contracts.Alerts;

namespace Vigil.Grains.Alerts;

/// <summary>Pure rules of alert handling: which action is allowed from which status, and how evidence merges.</summary>
public static class AlertRules
{
    public static AlertStatus Next(AlertSnapshot alert, AlertAction action) => (alert.Status, action) switch
    {
        (AlertStatus.Resolved, _) => throw new InvalidOperationException($"Alert {alert.Id} is resolved; it cannot be {Past(action)}."),
        (_, AlertAction.Acknowledge) when alert.Status != AlertStatus.Open =>
            throw new InvalidOperationException($"Alert {alert.Id} is {alert.Status.ToString().ToLowerInvariant()}; only an open alert can be acknowledged."),
        (_, AlertAction.Acknowledge) => AlertStatus.Acknowledged,
        (AlertStatus.Escalated, AlertAction.Escalate) => throw new InvalidOperationException($"Alert {alert.Id} is already escalated."),
        (_, AlertAction.Escalate) => AlertStatus.Escalated,
        (_, AlertAction.Resolve) => AlertStatus.Resolved,
        (var status, AlertAction.Assign) => status,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown alert action."),
    };

    /// <summary>New evidence updates counts, peak and reasons; severity only ever becomes more urgent while open.</summary>
    public static AlertSnapshot Merge(AlertSnapshot alert, AlertEvidence evidence) => alert with
    {
        Severity = (Severity)Math.Min((int)alert.Severity, (int)evidence.Severity),
        UpdatedAt = evidence.ObservedAt > alert.UpdatedAt ? evidence.ObservedAt : alert.UpdatedAt,
        Reasons = evidence.Reasons,
        ReasonDetails = evidence.ReasonDetails,
        EvidenceCount = Math.Max(alert.EvidenceCount, evidence.EvidenceCount),
        PeakScore = Math.Max(alert.PeakScore, evidence.PeakScore),
        Viewers = evidence.Viewers,
        Title = evidence.Title ?? alert.Title,
        Trend = AppendTrend(alert.Trend, evidence.Risk),
        Version = alert.Version + 1,
    };

    /// <summary>The trend with <paramref name="risk"/> (clamped to 0..1, 3 decimals) appended, keeping the newest <see cref="AlertSnapshot.TrendLength"/>.</summary>
    public static IReadOnlyList<double> AppendTrend(IReadOnlyList<double> trend, double risk)
    {
        var value = Math.Round(Math.Clamp(double.IsFinite(risk) ? risk : 0, 0, 1), 3);
        var skip = Math.Max(0, trend.Count + 1 - AlertSnapshot.TrendLength);
        return [.. trend.Skip(skip), value];
    }

    public static string Past(AlertAction action) => action switch
    {
        AlertAction.Acknowledge => "acknowledged",
        AlertAction.Assign => "assigned",
        AlertAction.Escalate => "escalated",
        _ => "resolved",
    };
}
