using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Vigil.Grains.Contracts.Broadcasters;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Gifters;
using Vigil.Grains.Contracts.Rooms;
using Vigil.Grains.Contracts.Vips;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Invocation;

namespace Vigil.Ingest.Delivery;

/// <summary>
/// Delivers events to the grains that keep state about them: each target grain gets all of its events of the batch,
/// in request order, in ONE <c>Apply</c> call, and all target grains are called concurrently. Rooms with a safety
/// signal (<see cref="IsSafetySignal"/>) are called first, so the events that raise alerts do not wait behind the rest.
/// </summary>
/// <remarks>
/// Routing (an event may go to more than one grain):
/// <list type="table">
/// <listheader><term>type</term><description>grains (key)</description></listheader>
/// <item><term>room.started, room.ended</term><description>ILiveRoomGrain (roomId), IBroadcasterGrain (broadcasterId)</description></item>
/// <item><term>viewer.joined, viewer.left</term><description>ILiveRoomGrain (roomId), and IVipUserGrain (userId) for engagement once the user engaged (below)</description></item>
/// <item><term>gift.sent</term><description>ILiveRoomGrain (roomId), and for spend IVipUserGrain (userId) once the user engaged, else IGifterLedgerGrain (the user's partition), which hands on gifts of users with a grain and promotes users whose spend reaches a VIP tier</description></item>
/// <item><term>chat.message, follow, report.filed, moderation.score</term><description>ILiveRoomGrain (roomId)</description></item>
/// <item><term>moderation.decision</term><description>IBroadcasterGrain (broadcasterId), and ILiveRoomGrain (roomId) when it names a room</description></item>
/// <item><term>user.session, user.complaint, complaint.resolved, satisfaction.survey</term><description>IVipUserGrain (userId)</description></item>
/// </list>
/// The parser guarantees that the key each route needs is present.
/// <para>
/// Almost every viewer is not a VIP, and a VIP grain for each of them would cost a storage read, a write and memory
/// per viewer (most of the ingest cost when every join was routed). So viewing goes to a user's grain only once this
/// sink has seen the user engage since the silo started: an app session, a complaint, its resolution or a survey
/// (events of one batch count before its viewing, whatever their order), a gift the ledger handed on, or a promotion
/// by spend. The trade-off: a VIP's viewing before their first such event since start is not counted, neither its
/// minutes nor the last-seen time it sets; their gifts (which set the tier), sessions, complaints and surveys always
/// are. An admin's assignment of a VIP to an advisor (<see cref="MarkEngaged"/>) counts as engagement too. The set
/// holds one id per engaged user, no more users than have a VIP grain anyway.
/// </para>
/// <para>
/// Gifts alone do not engage: most gifters give once or twice and never reach a VIP tier, and a VIP grain for each
/// (an activation, a storage read, a stored row and about 2 KB for its idle lifetime) was a quarter of the ingest cost
/// under realistic traffic. Their gifts go to <see cref="IGifterLedgerGrain"/> partitions, which keep them until the
/// user gets a grain, and the grain takes them over as it activates, so a VIP's spend is the same either way.
/// </para>
/// </remarks>
public sealed class GrainEventSink(IGrainFactory grains, BulkLane bulk) : IEventSink
{
    /// <summary>From how many calm rooms in one request two lane threads share them: below it, the hop costs more than it saves.</summary>
    private const int TwoSenderRooms = 64;

    /// <summary>
    /// How many rooms a request's grouping makes room for at once: a typical request's, and under the large-object
    /// heap's threshold (a request of 10,000 events to a few rooms must not get a 240 KB table).
    /// </summary>
    private const int PresizedRooms = 1024;

    private readonly ConcurrentDictionary<string, byte> _engagedUsers = new(StringComparer.Ordinal);

    /// <summary>From now on this user's viewing reaches their VIP grain (an admin assigned them to an advisor).</summary>
    public void MarkEngaged(string userId) => _engagedUsers.TryAdd(userId, 0);

    public async Task DeliverAsync(IReadOnlyList<LiveEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            if (Engages(e.Type))
            {
                _engagedUsers.TryAdd(e.UserId!, 0);
            }
        }

        var order = GroupRoomsSafetyFirst(events, out var urgent);
        var broadcasters = new Dictionary<string, List<LiveEvent>>(StringComparer.Ordinal);
        var users = new Dictionary<string, List<LiveEvent>>(StringComparer.Ordinal);
        Dictionary<string, List<LiveEvent>>? ledgers = null;
        foreach (var e in events)
        {
            if (GoesToBroadcaster(e.Type))
            {
                Add(broadcasters, e.BroadcasterId!, e);
            }

            if (!GoesToUser(e.Type))
            {
                continue;
            }

            if (_engagedUsers.ContainsKey(e.UserId!))
            {
                Add(users, e.UserId!, e);
            }
            else if (e.Type == EventType.GiftSent)
            {
                Add(ledgers ??= new Dictionary<string, List<LiveEvent>>(StringComparer.Ordinal), GifterPartitions.KeyOf(e.UserId!), e);
            }
        }

        var calls = new Task[order.Length + broadcasters.Count + users.Count + (ledgers?.Count ?? 0)];

        // Most target grains are idle, and their turns run on the sending thread rather than each through the thread
        // pool (see CallerRunsScope). Rooms with a safety signal go first, on this thread, before any other work of
        // the request. The calm rest, most of ingest's CPU, go to the bulk lane's low-priority threads (two of them
        // for a large request, so that a quiet silo still uses both cores), which run whenever nothing more urgent
        // (another request, a reply, an alert) wants a core.
        var calm = order.Length - urgent;
        var half = urgent + (calm >= TwoSenderRooms ? calm / 2 : calm);
        using (CallerRunsScope.Open())
        {
            SendToRooms(order, calls, 0, urgent);
        }

        var firstHalf = half > urgent ? bulk.Run(() => SendToRoomsInScope(order, calls, urgent, half)) : Task.CompletedTask;
        var secondHalf = half < order.Length ? bulk.Run(() => SendToRoomsInScope(order, calls, half, order.Length)) : Task.CompletedTask;
        try
        {
            using (CallerRunsScope.Open())
            {
                var index = order.Length;
                foreach (var (broadcasterId, batch) in broadcasters)
                {
                    calls[index++] = grains.GetGrain<IBroadcasterGrain>(broadcasterId).Apply(batch);
                }

                foreach (var (userId, batch) in users)
                {
                    calls[index++] = grains.GetGrain<IVipUserGrain>(userId).Apply(batch);
                }

                foreach (var (partition, batch) in ledgers ?? [])
                {
                    calls[index++] = RecordGiftsAsync(partition, batch);
                }
            }
        }
        finally
        {
            // Even when this thread's sends failed: the request must not end while the lane is still sending its rooms.
            await Task.WhenAll(firstHalf, secondHalf);
        }

        // Grain calls cannot be cancelled once sent; the token only stops waiting for them.
        await Task.WhenAll(calls).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Types that can raise, grow or close an alert at once: a classifier's score, a user's report, a moderator's
    /// decision. Their rooms are sent before the rest of a request, so an alert does not wait behind viewer counts
    /// and chat. Chat can raise one too, through keywords, but it is most of the traffic, so it goes with the rest.
    /// </summary>
    public static bool IsSafetySignal(EventType type) =>
        type is EventType.ModerationScore or EventType.ReportFiled or EventType.ModerationDecision;

    /// <summary>Room-scoped types, plus decisions that name a room.</summary>
    public static bool GoesToRoom(LiveEvent e) => e.Type switch
    {
        EventType.RoomStarted or EventType.RoomEnded or EventType.ViewerJoined or EventType.ViewerLeft or EventType.ChatMessage
            or EventType.GiftSent or EventType.Follow or EventType.ReportFiled or EventType.ModerationScore => true,
        EventType.ModerationDecision => e.RoomId is not null,
        _ => false,
    };

    public static bool GoesToBroadcaster(EventType type) =>
        type is EventType.ModerationDecision or EventType.RoomStarted or EventType.RoomEnded;

    /// <summary>User-scoped types, plus gifts and viewing, which are a VIP's engagement (viewing only of engaged users, gifts of others through the gifter ledger).</summary>
    public static bool GoesToUser(EventType type) => Engages(type) || IsViewing(type) || type == EventType.GiftSent;

    /// <summary>
    /// Types that make a user worth a VIP grain: after one of them, the user's viewing and gifts go to it. A gift alone
    /// does not: it goes to the gifter ledger until the user's spend reaches a VIP tier.
    /// </summary>
    private static bool Engages(EventType type) => type is EventType.UserSession or EventType.UserComplaint
        or EventType.ComplaintResolved or EventType.SatisfactionSurvey;

    /// <summary>
    /// Gifts of users without a known VIP grain go to their ledger partition; what it hands back (gifts of users whose
    /// grain exists, users just promoted by spend) goes on to their VIP grains, whose users count as engaged from then on.
    /// </summary>
    private async Task RecordGiftsAsync(string partition, List<LiveEvent> gifts)
    {
        var routing = await grains.GetGrain<IGifterLedgerGrain>(partition).Record(gifts);
        if (routing.Forward.Count == 0 && routing.Promoted.Count == 0)
        {
            return;
        }

        var byUser = new Dictionary<string, List<LiveEvent>>(StringComparer.Ordinal);
        foreach (var gift in routing.Forward)
        {
            Add(byUser, gift.UserId!, gift);
        }

        foreach (var userId in routing.Promoted)
        {
            // The ledger kept the promoting gifts; the grain claims them as it activates, so they are not sent again.
            byUser.TryAdd(userId, []);
        }

        var calls = new List<Task>(byUser.Count);
        foreach (var (userId, batch) in byUser)
        {
            _engagedUsers.TryAdd(userId, 0);
            calls.Add(grains.GetGrain<IVipUserGrain>(userId).Apply(batch));
        }

        await Task.WhenAll(calls);
    }

    /// <summary>
    /// The request's room events grouped by room, each room's events in request order in an array of exactly their
    /// number, and the rooms in order of first appearance, those with a safety signal first; <paramref name="urgent"/>
    /// is how many have one.
    /// </summary>
    /// <remarks>
    /// Two passes, so that a room's events need no growing list: most rooms of a request have one or two events, and a
    /// list with its spare slots cost about twice the array. The passes' bookkeeping (slot of each event, count and
    /// safety of each room) is numbers in pooled arrays, which hold no references for the collector to trace.
    /// </remarks>
    private static (string Room, LiveEvent[] Events)[] GroupRoomsSafetyFirst(IReadOnlyList<LiveEvent> events, out int urgent)
    {
        var slots = new Dictionary<string, int>(Math.Min(events.Count, PresizedRooms), StringComparer.Ordinal);
        var slotOfEvent = ArrayPool<int>.Shared.Rent(events.Count);
        var counts = ArrayPool<int>.Shared.Rent(events.Count);
        var positions = ArrayPool<int>.Shared.Rent(events.Count);
        var safety = ArrayPool<bool>.Shared.Rent(events.Count);
        try
        {
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                if (!GoesToRoom(e))
                {
                    slotOfEvent[i] = -1;
                    continue;
                }

                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(slots, e.RoomId!, out var known);
                if (!known)
                {
                    slot = slots.Count - 1;
                    counts[slot] = 0;
                    safety[slot] = false;
                }

                slotOfEvent[i] = slot;
                counts[slot]++;
                safety[slot] |= IsSafetySignal(e.Type);
            }

            var rooms = slots.Count;
            urgent = 0;
            for (var slot = 0; slot < rooms; slot++)
            {
                urgent += safety[slot] ? 1 : 0;
            }

            var (nextUrgent, nextCalm) = (0, urgent);
            var order = new (string Room, LiveEvent[] Events)[rooms];
            for (var slot = 0; slot < rooms; slot++)
            {
                var position = safety[slot] ? nextUrgent++ : nextCalm++;
                positions[slot] = position;
                order[position].Events = new LiveEvent[counts[slot]];
                counts[slot] = 0;
            }

            foreach (var (room, slot) in slots)
            {
                order[positions[slot]].Room = room;
            }

            for (var i = 0; i < events.Count; i++)
            {
                if (slotOfEvent[i] is var slot and >= 0)
                {
                    order[positions[slot]].Events[counts[slot]++] = events[i];
                }
            }

            return order;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(slotOfEvent);
            ArrayPool<int>.Shared.Return(counts);
            ArrayPool<int>.Shared.Return(positions);
            ArrayPool<bool>.Shared.Return(safety);
        }
    }

    /// <summary>Sends the rooms from the <paramref name="from"/>-th to before the <paramref name="to"/>-th of <paramref name="order"/>, their calls going to the same places in <paramref name="calls"/>.</summary>
    private void SendToRooms((string Room, LiveEvent[] Events)[] order, Task[] calls, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            calls[i] = grains.GetGrain<ILiveRoomGrain>(order[i].Room).Apply(order[i].Events);
        }
    }

    /// <summary><see cref="SendToRooms"/> with the idle rooms' turns run on the sending thread.</summary>
    private void SendToRoomsInScope((string Room, LiveEvent[] Events)[] order, Task[] calls, int from, int to)
    {
        using (CallerRunsScope.Open())
        {
            SendToRooms(order, calls, from, to);
        }
    }

    private static bool IsViewing(EventType type) => type is EventType.ViewerJoined or EventType.ViewerLeft;

    private static void Add(Dictionary<string, List<LiveEvent>> targets, string key, LiveEvent e)
    {
        if (!targets.TryGetValue(key, out var batch))
        {
            batch = [];
            targets.Add(key, batch);
        }

        batch.Add(e);
    }
}
