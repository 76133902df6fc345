using System.Runtime.InteropServices;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Gifters;
using Vigil.Grains.Policy;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;

namespace Vigil.Grains.Gifters;

/// <summary>
/// One partition of the gifts of users without a VIP grain (see <see cref="IGifterLedgerGrain"/>). Days follow event
/// time, as in the VIP grain: a user is promoted when their spend over the 30 days up to a gift's day reaches the
/// policy's lowest VIP tier. Promotion is re-announced with every later gift until the user's grain has claimed the
/// history, so a delivery that failed midway is repaired by the next gift rather than lost.
/// </summary>
public sealed class GifterLedgerGrain(
    [PersistentState("gifters")] IPersistentState<GifterLedgerState> ledger,
    PolicyStore policies) : Grain, IGifterLedgerGrain
{
    private GifterLedgerState State => ledger.State;

    public Task<GiftRouting> Record(IReadOnlyList<LiveEvent> gifts)
    {
        var churn = policies.Active.Churn;
        List<LiveEvent>? forward = null;
        List<string>? promoted = null;
        var newestDay = int.MinValue;
        for (var i = 0; i < gifts.Count; i++)
        {
            var gift = gifts[i];
            if (gift.Type != EventType.GiftSent || gift.UserId is not { } userId)
            {
                throw new ArgumentException($"The gifter ledger keeps gift.sent events with a userId; event {gift.Id} is {gift.Type}.", nameof(gifts));
            }

            var hash = GifterPartitions.IdHash(userId);
            if (State.Claimed.Contains(hash))
            {
                (forward ??= []).Add(gift);
                continue;
            }

            // A reference into the dictionary's entry: valid until the next user is added, which is after its use.
            ref var gifter = ref CollectionsMarshal.GetValueRefOrAddDefault(State.Users, hash, out _);
            var day = DayOf(gift.Timestamp);
            gifter.Add(day, gift.Value ?? 0, gift.Timestamp, gift.Region);
            newestDay = Math.Max(newestDay, day);
            if (churn.TierFor(gifter.SpendSince(day - 29)) is not null && promoted?.Contains(userId) != true)
            {
                (promoted ??= []).Add(userId);
            }
        }

        if (newestDay != int.MinValue)
        {
            PruneOnNewDay(newestDay);
            ledger.MarkDirty();
        }

        return Task.FromResult(forward is null && promoted is null ? GiftRouting.Kept : new GiftRouting(forward ?? [], promoted ?? []));
    }

    public Task<GiftHistory?> Claim(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var hash = GifterPartitions.IdHash(userId);
        if (!State.Claimed.Add(hash))
        {
            return Task.FromResult<GiftHistory?>(null);
        }

        var history = State.Users.Remove(hash, out var gifter) && gifter.Count > 0 ? new GiftHistory(gifter.Region, gifter.ToArray()) : null;
        ledger.MarkDirty();
        return Task.FromResult(history);
    }

    private static int DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime).DayNumber;

    /// <summary>Once per new newest day: users whose last gift fell out of the retained window are forgotten.</summary>
    private void PruneOnNewDay(int newestDay)
    {
        if (newestDay <= State.PrunedOnDay)
        {
            return;
        }

        State.PrunedOnDay = newestDay;
        var oldest = newestDay - GifterRecord.RetainedDays;
        foreach (var (hash, gifter) in State.Users)
        {
            if (gifter.NewestDay <= oldest)
            {
                State.Users.Remove(hash);
            }
        }
    }
}
