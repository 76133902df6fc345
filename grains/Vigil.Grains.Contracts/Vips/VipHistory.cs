namespace Vigil.Grains.Contracts.Vips;

/// <summary>
/// A VIP's daily engagement over the last 60 days of event time (from the day they were first seen, oldest first) and
/// the baseline their churn risk is measured against.
/// </summary>
public sealed record VipHistory(string UserId, IReadOnlyList<VipHistoryDay> Days, VipBaseline Baseline);
