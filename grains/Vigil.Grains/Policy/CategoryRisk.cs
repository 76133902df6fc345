using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Reasons;

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
    public IReadOnlyList<string> Reasons() => [.. Worded().Select(r => r.Text)];

    /// <summary>The contributions in English words and as translatable details, largest first.</summary>
    public IReadOnlyList<WordedReason> Worded()
    {
        var parts = new List<(double Contribution, WordedReason Reason)>(3);
        if (AutomatedContribution > 0)
        {
            parts.Add((AutomatedContribution, ReasonTemplates.Classifier(Category, DecayedScore, AutomatedContribution)));
        }

        if (ReportContribution > 0)
        {
            parts.Add((ReportContribution, ReasonTemplates.Reports(Category, DecayedReports, ReportContribution)));
        }

        if (KeywordContribution > 0)
        {
            parts.Add((KeywordContribution, ReasonTemplates.Keywords(Category, DecayedKeywordHits, KeywordContribution)));
        }

        return [.. parts.OrderByDescending(p => p.Contribution).Select(p => p.Reason)];
    }
}
