using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Contracts.Gifters;

/// <summary>What <see cref="IGifterLedgerGrain.Record"/> leaves to its caller.</summary>
/// <param name="Forward">Gifts of users whose VIP grain already claimed its history: deliver them to that grain.</param>
/// <param name="Promoted">Users whose 30-day spend just reached a VIP tier: activate their grain, which claims the gifts kept so far.</param>
public sealed record GiftRouting(IReadOnlyList<LiveEvent> Forward, IReadOnlyList<string> Promoted)
{
    /// <summary>Every gift was kept and nobody was promoted: the usual answer, shared.</summary>
    public static readonly GiftRouting Kept = new([], []);
}
