namespace Vigil.Grains.Gifters;

/// <summary>The persistent state of one <see cref="GifterLedgerGrain"/> partition.</summary>
public sealed class GifterLedgerState
{
    public Dictionary<string, GifterRecord> Users { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The newest gift day when unclaimed users without a gift in the retained window were last removed.</summary>
    public int PrunedOnDay { get; set; }
}
