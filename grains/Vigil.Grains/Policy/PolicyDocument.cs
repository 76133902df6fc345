using System.Text.Json;

namespace Vigil.Grains.Policy;

/// <summary>
/// One version of Vigil's trust &amp; safety and churn policy, exactly as operators write it (JSON, camelCase
/// property names; category keys are the contract's wire names such as <c>minor_safety</c>, region keys are
/// <c>MENA</c>, <c>NA</c>...). Check it with <see cref="PolicyValidator"/> and evaluate it through
/// <see cref="CompiledPolicy"/>; this record only carries the data.
/// </summary>
public sealed record PolicyDocument
{
    /// <summary>Increases with every published change; the store refuses a version not above the active one.</summary>
    public required int Version { get; init; }

    /// <summary>What changed in this version, for the people reading the history.</summary>
    public string? Description { get; init; }

    /// <summary>Risk thresholds per category (every category must be present).</summary>
    public required IReadOnlyDictionary<string, CategoryThresholds> Thresholds { get; init; }

    /// <summary>Per-region replacements of whole category entries, e.g. stricter <c>hate</c> thresholds for MENA.</summary>
    public IReadOnlyDictionary<string, RegionOverride> RegionOverrides { get; init; } = new Dictionary<string, RegionOverride>();

    public required DecayPolicy Decay { get; init; }

    public required CombinationPolicy Combination { get; init; }

    public required StateMachinePolicy StateMachine { get; init; }

    /// <summary>Risk bands that make an alert P1, P2 or P3 per category (every category must be present); below P3 it is P4.</summary>
    public required IReadOnlyDictionary<string, SeverityBands> Severity { get; init; }

    public required SlaPolicy Sla { get; init; }

    public required ChurnPolicy Churn { get; init; }

    /// <summary>Chat screening keywords: language (<c>en</c>, <c>ar</c>, <c>es</c>...) -> category -> phrases.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Keywords { get; init; }

    /// <summary>Reads a document; throws <see cref="JsonException"/> when the JSON is malformed or has the wrong shape.</summary>
    public static PolicyDocument Parse(string json) =>
        JsonSerializer.Deserialize<PolicyDocument>(json, PolicyJson.Options)
        ?? throw new JsonException("The policy document is the JSON literal null.");

    public string ToJson() => JsonSerializer.Serialize(this, PolicyJson.Options);
}
