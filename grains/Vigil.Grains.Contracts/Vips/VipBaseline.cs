namespace Vigil.Grains.Contracts.Vips;

/// <summary>A VIP's own normal: average spend and sessions per day over the baseline window the churn model uses.</summary>
public sealed record VipBaseline(double SpendPerDay, double SessionsPerDay, int Days);
