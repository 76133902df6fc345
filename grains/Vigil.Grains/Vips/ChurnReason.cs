using Vigil.Grains.Contracts.Reasons;

namespace Vigil.Grains.Vips;

/// <summary>One factor's share of a churn risk: the points it added and why, in English words and as a translatable detail.</summary>
public sealed record ChurnReason(ChurnFactor Factor, double Points, string Text, ReasonDetail Detail);
