namespace Vigil.Grains.Contracts.Advisors;

/// <summary>What a roster import did: every good line is applied, every bad line is reported on its own.</summary>
public sealed record RosterImportResult
{
    public required int Applied { get; init; }

    public required IReadOnlyList<RosterLineError> Errors { get; init; }

    /// <summary>The VIPs the applied lines assigned, in line order.</summary>
    public IReadOnlyList<string> AppliedUserIds { get; init; } = [];
}
