namespace Vigil.Grains.Gifters;

/// <summary>The persistent state of one <see cref="GifterLedgerGrain"/> partition.</summary>
public sealed class GifterLedgerState
{
    /// <summary>
    /// Users whose gifts the ledger keeps, by <see cref="Contracts.Gifters.GifterPartitions.IdHash"/> of their id: a
    /// key that is a number rather than the event's id string adds no object per new gifter (see
    /// <see cref="GifterRecord"/>), and the ledger only ever looks users up by the id it is given.
    /// </summary>
    public Dictionary<ulong, GifterRecord> Users { get; set; } = [];

    /// <summary>
    /// <see cref="Contracts.Gifters.GifterPartitions.IdHash"/> of every user whose VIP grain claimed its history: their gifts are handed back.
    /// A hash rather than the id keeps the ledger's share of a VIP's memory to about 20 bytes; two users whose ids
    /// hash alike would only mean the other one's gifts go to their own VIP grain early, as every gift once did.
    /// </summary>
    public HashSet<ulong> Claimed { get; set; } = [];

    /// <summary>The newest gift day when unclaimed users without a gift in the retained window were last removed.</summary>
    public int PrunedOnDay { get; set; }
}
