namespace Vigil.Grains.Policy;

/// <summary>
/// Lowest risk at which an alert of one category is P1, P2 or P3; below <see cref="P3"/> it is P4. A null band
/// means the category never reaches that severity (spam is never P1).
/// </summary>
public sealed record SeverityBands
{
    public required double? P1 { get; init; }

    public required double? P2 { get; init; }

    public required double? P3 { get; init; }
}
