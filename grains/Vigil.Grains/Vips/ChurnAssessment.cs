using Vigil.Grains.Contracts.Reasons;

namespace Vigil.Grains.Vips;

/// <summary>A churn risk (0-100) and the reasons that drove it, strongest first.</summary>
public sealed record ChurnAssessment(int Risk, IReadOnlyList<ChurnReason> Reasons)
{
    public IEnumerable<ChurnFactor> Factors => Reasons.Select(r => r.Factor);

    public IReadOnlyList<string> Texts => Reasons.Select(r => r.Text).ToArray();

    /// <summary>The details of <see cref="Texts"/>, in the same order.</summary>
    public IReadOnlyList<ReasonDetail> Details => Reasons.Select(r => r.Detail).ToArray();
}
