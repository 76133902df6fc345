namespace Vigil.Grains.Policy;

/// <summary>
/// A region's replacements for whole category entries (e.g. MENA's stricter <c>hate</c> thresholds). A category
/// not listed here uses the document's global entry.
/// </summary>
public sealed record RegionOverride
{
    public IReadOnlyDictionary<string, CategoryThresholds> Thresholds { get; init; } = new Dictionary<string, CategoryThresholds>();

    public IReadOnlyDictionary<string, SeverityBands> Severity { get; init; } = new Dictionary<string, SeverityBands>();
}
