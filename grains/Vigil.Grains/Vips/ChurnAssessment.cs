namespace Vigil.Grains.Vips;

/// <summary>A churn risk (0-100) and the reasons that drove it, strongest first.</summary>
public sealed record ChurnAssessment(int Risk, IReadOnlyList<ChurnReason> Reasons)
{
    public IEnumerable<ChurnFactor> Factors => Reasons.Select(r => r.Factor);

    public IReadOnlyList<string> Texts => Reasons.Select(r => r.Text).ToArray();
}
