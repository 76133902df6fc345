using System.Security.Cryptography;
using System.Text;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Policy;

/// <summary>
/// A validated policy ready for the hot path: thresholds and severity bands resolved per (region, category) into
/// arrays, half-lives as <see cref="TimeSpan"/>s, and the keyword screener built. Immutable; the active and a
/// candidate policy are two instances side by side.
/// </summary>
public sealed class CompiledPolicy
{
    private static readonly int CategoryCount = Enum.GetValues<Category>().Length;
    private static readonly Region[] Regions = Enum.GetValues<Region>();

    private readonly CategoryThresholds[] _thresholds;
    private readonly SeverityBands[] _bands;

    private CompiledPolicy(PolicyDocument document, string hash)
    {
        Document = document;
        Hash = hash;
        _thresholds = new CategoryThresholds[Regions.Length * CategoryCount];
        _bands = new SeverityBands[Regions.Length * CategoryCount];
        foreach (var region in Regions)
        {
            var regional = document.RegionOverrides.GetValueOrDefault(region.ToString());
            foreach (var category in Enum.GetValues<Category>())
            {
                var name = EventNames.Name(category);
                _thresholds[Index(category, region)] = regional?.Thresholds.GetValueOrDefault(name) ?? document.Thresholds[name];
                _bands[Index(category, region)] = regional?.Severity.GetValueOrDefault(name) ?? document.Severity[name];
            }
        }

        AutomatedScoreHalfLife = TimeSpan.FromSeconds(document.Decay.AutomatedScoreHalfLifeSeconds);
        UserReportHalfLife = TimeSpan.FromSeconds(document.Decay.UserReportHalfLifeSeconds);
        ChatKeywordHalfLife = TimeSpan.FromSeconds(document.Decay.ChatKeywordHalfLifeSeconds);
        Screener = new KeywordScreener(document.Keywords);
    }

    public PolicyDocument Document { get; }

    public int Version => Document.Version;

    /// <summary>SHA-256 (lower-case hex) of the JSON text the policy was read from.</summary>
    public string Hash { get; }

    public CombinationPolicy Combination => Document.Combination;

    public SlaPolicy Sla => Document.Sla;

    public ChurnPolicy Churn => Document.Churn;

    public double Hysteresis => Document.StateMachine.Hysteresis;

    public TimeSpan AutomatedScoreHalfLife { get; }

    public TimeSpan UserReportHalfLife { get; }

    public TimeSpan ChatKeywordHalfLife { get; }

    /// <summary>Chat screening with this policy's keyword lists.</summary>
    public KeywordScreener Screener { get; }

    /// <summary>Reads, checks and compiles <paramref name="json"/>.</summary>
    /// <exception cref="ArgumentException">The policy is invalid; the message lists every problem.</exception>
    public static CompiledPolicy Parse(string json)
    {
        var errors = PolicyValidator.Validate(json, out var document);
        return document is null
            ? throw new ArgumentException("Invalid policy: " + string.Join("; ", errors), nameof(json))
            : new CompiledPolicy(document, HashOf(json));
    }

    /// <summary>Checks and compiles a document built in code (its hash is that of its serialised form).</summary>
    /// <exception cref="ArgumentException">The policy is invalid; the message lists every problem.</exception>
    public static CompiledPolicy Compile(PolicyDocument document)
    {
        var errors = PolicyValidator.Validate(document);
        return errors.Count > 0
            ? throw new ArgumentException("Invalid policy: " + string.Join("; ", errors), nameof(document))
            : new CompiledPolicy(document, HashOf(document.ToJson()));
    }

    /// <summary>Compiles a document the caller has just validated against <paramref name="json"/>.</summary>
    internal static CompiledPolicy FromValidated(PolicyDocument document, string json) => new(document, HashOf(json));

    internal static string HashOf(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    /// <summary>The thresholds that apply to <paramref name="category"/> in <paramref name="region"/> (the region's override if any).</summary>
    public CategoryThresholds ThresholdsFor(Category category, Region region) => _thresholds[Index(category, region)];

    /// <summary>The severity bands that apply to <paramref name="category"/> in <paramref name="region"/>.</summary>
    public SeverityBands SeverityBandsFor(Category category, Region region) => _bands[Index(category, region)];

    public TimeSpan HalfLife(EvidenceSource source) => source switch
    {
        EvidenceSource.AutomatedScore => AutomatedScoreHalfLife,
        EvidenceSource.UserReport => UserReportHalfLife,
        EvidenceSource.ChatKeyword => ChatKeywordHalfLife,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown evidence source."),
    };

    public TimeSpan AcknowledgeWithin(Severity severity) => Sla.AcknowledgeWithin(severity);

    private static int Index(Category category, Region region) => ((int)region * CategoryCount) + (int)category;
}
