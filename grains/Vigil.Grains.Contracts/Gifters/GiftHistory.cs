using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Contracts.Gifters;

/// <summary>A user's gifts as the ledger kept them: the region of their latest gift and one entry per day with gifts.</summary>
public sealed record GiftHistory(Region Region, IReadOnlyList<GiftDay> Days);
