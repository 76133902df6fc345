using System.Globalization;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Policy;

/// <summary>
/// A category's risk (0..1) at one moment, with what each source contributed (weight x signal) and the decayed
/// inputs behind it, so the number can be explained to the person who acts on it.
/// </summary>
public readonly record struct CategoryRisk(
    Category Category,
    double Risk,
    double AutomatedContribution,
    double ReportContribution,
    double KeywordContribution,
    double DecayedScore,
    double DecayedReports,
    double DecayedKeywordHits,
    int EvidenceCount)
{
    /// <summary>The contributions in words, largest first, e.g. "classifier score 0.82 (decayed) adds 0.78".</summary>
    public IReadOnlyList<string> Reasons()
    {
        var name = EventNames.Name(Category);
        var parts = new List<(double Contribution, string Text)>(3);
        if (AutomatedContribution > 0)
        {
            parts.Add((AutomatedContribution, $"{name} classifier score {N(DecayedScore)} (decayed peak) adds {N(AutomatedContribution)}"));
        }

        if (ReportContribution > 0)
        {
            parts.Add((ReportContribution, $"{N(DecayedReports)} recent {name} user reports (decayed) add {N(ReportContribution)}"));
        }

        if (KeywordContribution > 0)
        {
            parts.Add((KeywordContribution, $"{N(DecayedKeywordHits)} recent {name} chat keyword hits (decayed) add {N(KeywordContribution)}"));
        }

        return [.. parts.OrderByDescending(p => p.Contribution).Select(p => p.Text)];
    }

    private static string N(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
