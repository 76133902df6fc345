using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Policy;

/// <summary>
/// What a room has shown for one category, per source, decaying with the policy's half-lives: the decayed peak
/// classifier score, the decayed count of user reports and of chat keyword hits, and how many pieces of evidence
/// arrived in all (not decayed; it gates alerts on <see cref="CategoryThresholds.MinEvidence"/>).
/// A grain keeps one per category; for a shadow run it keeps a second one folded with the candidate policy.
/// </summary>
public readonly record struct CategoryEvidence(DecayingValue AutomatedScore, DecayingValue Reports, DecayingValue KeywordHits, int EvidenceCount)
{
    /// <summary>Folds in a <c>moderation.score</c> (0..1) at event time <paramref name="at"/>.</summary>
    public CategoryEvidence WithScore(CompiledPolicy policy, double score, DateTimeOffset at) => this with
    {
        AutomatedScore = AutomatedScore.RaiseTo(Math.Clamp(score, 0, 1), at, policy.AutomatedScoreHalfLife),
        EvidenceCount = EvidenceCount + 1,
    };

    /// <summary>Folds in one <c>report.filed</c> at event time <paramref name="at"/>.</summary>
    public CategoryEvidence WithReport(CompiledPolicy policy, DateTimeOffset at) => this with
    {
        Reports = Reports.Add(1, at, policy.UserReportHalfLife),
        EvidenceCount = EvidenceCount + 1,
    };

    /// <summary>Folds in one chat line's keyword hit at event time <paramref name="at"/>.</summary>
    public CategoryEvidence WithKeywordHit(CompiledPolicy policy, DateTimeOffset at) => this with
    {
        KeywordHits = KeywordHits.Add(1, at, policy.ChatKeywordHalfLife),
        EvidenceCount = EvidenceCount + 1,
    };

    /// <summary>Folds in <paramref name="hits"/> for <paramref name="category"/> from one chat line (other categories' hits are ignored).</summary>
    public CategoryEvidence WithKeywordHits(CompiledPolicy policy, Category category, IReadOnlyList<KeywordHit> hits, DateTimeOffset at)
    {
        var evidence = this;
        foreach (var hit in hits)
        {
            if (hit.Category == category)
            {
                evidence = evidence.WithKeywordHit(policy, at);
            }
        }

        return evidence;
    }
}
