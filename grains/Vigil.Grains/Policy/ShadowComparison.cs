using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Policy;

/// <summary>
/// Accumulates how a candidate policy would have judged the same evidence as the active one, without raising
/// anything: grains call <see cref="Observe(string, Region, Category, in CategoryEvidence, in CategoryEvidence, DateTimeOffset)"/>
/// wherever they evaluate a category, and operators read <see cref="Snapshot"/> before promoting the candidate.
/// Each (room, category) counts once, at the worst severity either policy reached for it. Thread-safe.
/// </summary>
public sealed class ShadowComparison
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string RoomId, Category Category), Pair> _pairs = [];
    private readonly List<(string RoomId, Category Category)> _examples = [];
    private readonly int _maxExamples;
    private long _observations;

    public ShadowComparison(CompiledPolicy active, CompiledPolicy candidate, int maxExamples = 50)
    {
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentOutOfRangeException.ThrowIfNegative(maxExamples);
        Active = active;
        Candidate = candidate;
        _maxExamples = maxExamples;
    }

    public CompiledPolicy Active { get; }

    public CompiledPolicy Candidate { get; }

    /// <summary>
    /// Judges one category of one room under both policies. Evidence is folded per policy because the decay
    /// half-lives may differ; when they are equal, pass the same evidence twice (or use the other overload).
    /// </summary>
    public void Observe(string roomId, Region region, Category category, in CategoryEvidence activeEvidence, in CategoryEvidence candidateEvidence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        var activeRisk = PolicyEvaluator.Combine(Active, category, activeEvidence, now);
        var candidateRisk = PolicyEvaluator.Combine(Candidate, category, candidateEvidence, now);
        var activeSeverity = AlertSeverity(Active, region, activeRisk);
        var candidateSeverity = AlertSeverity(Candidate, region, candidateRisk);

        lock (_gate)
        {
            _observations++;
            if (activeSeverity is null && candidateSeverity is null)
            {
                return;
            }

            var key = (roomId, category);
            var pair = _pairs.GetValueOrDefault(key) ?? new Pair(region);
            pair.Raise(activeSeverity, activeRisk.Risk, candidateSeverity, candidateRisk.Risk);
            _pairs[key] = pair;
            if (pair.Differs && !pair.IsExample && _examples.Count < _maxExamples)
            {
                pair.IsExample = true;
                _examples.Add(key);
            }
        }
    }

    /// <summary>Judges one category under both policies from evidence folded once (for policies with equal half-lives).</summary>
    public void Observe(string roomId, Region region, Category category, in CategoryEvidence evidence, DateTimeOffset now) =>
        Observe(roomId, region, category, evidence, evidence, now);

    public ShadowReport Snapshot()
    {
        lock (_gate)
        {
            var pairs = _pairs.Values;
            return new ShadowReport(
                Active.Version,
                Candidate.Version,
                _observations,
                ActiveAlerts: pairs.Count(p => p.Active is not null),
                CandidateAlerts: pairs.Count(p => p.Candidate is not null),
                OnlyActive: pairs.Count(p => p.Active is not null && p.Candidate is null),
                OnlyCandidate: pairs.Count(p => p.Active is null && p.Candidate is not null),
                SeverityDiffers: pairs.Count(p => p.Active is not null && p.Candidate is not null && p.Active != p.Candidate),
                Examples: [.. _examples.Where(k => _pairs[k].Differs).Select(k => _pairs[k].ToDifference(k.RoomId, k.Category))]);
        }
    }

    private static Severity? AlertSeverity(CompiledPolicy policy, Region region, in CategoryRisk risk) =>
        PolicyEvaluator.WouldAlert(policy, region, risk) ? PolicyEvaluator.SeverityFor(policy, risk.Category, risk.Risk, region) : null;

    private sealed class Pair(Region region)
    {
        public Severity? Active { get; private set; }

        public Severity? Candidate { get; private set; }

        public bool IsExample { get; set; }

        public bool Differs => Active != Candidate;

        private double ActiveRisk { get; set; }

        private double CandidateRisk { get; set; }

        // Keeps the worst (numerically lowest) severity and the peak risk each policy reached.
        public void Raise(Severity? active, double activeRisk, Severity? candidate, double candidateRisk)
        {
            Active = Worst(Active, active);
            Candidate = Worst(Candidate, candidate);
            ActiveRisk = Math.Max(ActiveRisk, activeRisk);
            CandidateRisk = Math.Max(CandidateRisk, candidateRisk);
        }

        public ShadowDifference ToDifference(string roomId, Category category) =>
            new(roomId, region, category, Active, Candidate, ActiveRisk, CandidateRisk);

        private static Severity? Worst(Severity? a, Severity? b) => a is null ? b : b is null ? a : (Severity)Math.Min((int)a, (int)b);
    }
}
