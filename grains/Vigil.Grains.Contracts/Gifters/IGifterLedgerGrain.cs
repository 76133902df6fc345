using Vigil.Grains.Contracts.Events;
using Vigil.Runtime.Grains;

namespace Vigil.Grains.Contracts.Gifters;

/// <summary>
/// The gift spend of users who have no VIP grain yet, for one partition of user ids (<see cref="GifterPartitions"/>).
/// Most gifts on a live platform come from users who give once or twice and never reach a VIP tier; a VIP grain for
/// each of them cost an activation, a storage read, a stored row and about 2 KB of memory per gifter. The ledger keeps
/// their daily spend (60 days) and hands it over when the user gets a VIP grain: when their 30-day spend reaches the
/// lowest VIP tier, or when anything else activates their grain (a session, an admin, a read), which claims the
/// history (<see cref="Claim"/>). Gifts of users whose grain has claimed its history are passed back for that grain.
/// The ledger never calls a VIP grain: the caller delivers what <see cref="Record"/> returns, so the two never wait on
/// each other.
/// </summary>
public interface IGifterLedgerGrain : IGrainWithStringKey
{
    /// <summary>Keeps the <c>gift.sent</c> events of users without a VIP grain and says which events and users the caller must deliver.</summary>
    Task<GiftRouting> Record(IReadOnlyList<LiveEvent> gifts);

    /// <summary>
    /// Called by a VIP grain as it activates: returns the user's kept gift history (null when there is none) and from
    /// then on passes the user's gifts back to <see cref="Record"/>'s caller instead of keeping them.
    /// </summary>
    Task<GiftHistory?> Claim(string userId);
}
