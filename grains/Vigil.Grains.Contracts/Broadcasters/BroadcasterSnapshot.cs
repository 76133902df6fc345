namespace Vigil.Grains.Contracts.Broadcasters;

/// <summary>A broadcaster's standing, as <c>GET /api/broadcasters/{id}</c> returns it.</summary>
public sealed record BroadcasterSnapshot
{
    public required string BroadcasterId { get; init; }

    /// <summary>Strike points decayed to now (each enforcement adds points by its action; they halve every half-life).</summary>
    public required double Strikes { get; init; }

    /// <summary>Enforcements in the last 30 days.</summary>
    public required int RecentEnforcements { get; init; }

    public required bool RepeatOffender { get; init; }

    public required EnforcementStep SuggestedStep { get; init; }

    public required string SuggestionReason { get; init; }

    public required IReadOnlyList<EnforcementRecord> History { get; init; }

    public required IReadOnlyList<string> OpenAlertIds { get; init; }

    public int Sessions { get; init; }
}
