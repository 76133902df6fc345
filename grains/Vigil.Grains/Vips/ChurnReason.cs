namespace Vigil.Grains.Vips;

/// <summary>One factor's share of a churn risk: the points it added and why, in words.</summary>
public sealed record ChurnReason(ChurnFactor Factor, double Points, string Text);
