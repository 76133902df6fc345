using Vigil.Grains.Contracts.Events;
using Vigil.Ingest.Deduplication;

namespace Vigil.Ingest.Tests.Deduplication;

public sealed class EventDeduplicatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NewIdsAreFreshAndRepeatedOnesAreDuplicates()
    {
        var deduplicator = new EventDeduplicator(TimeSpan.FromHours(24));
        deduplicator.Admit([Event("a", Start), Event("b", Start)]);

        var result = deduplicator.Admit([Event("b", Start), Event("c", Start), Event("c", Start)]);

        Assert.Equal(["c"], result.Fresh.Select(e => e.Id));
        Assert.Equal(2, result.Duplicates);
    }

    [Fact]
    public void IdIsRememberedForTheWholeRetentionOfEventTime()
    {
        var deduplicator = new EventDeduplicator(TimeSpan.FromHours(24));
        deduplicator.Admit([Event("a", Start)]);
        AdvanceEventTime(deduplicator, Start, Start.AddHours(24).AddMinutes(59));

        var result = deduplicator.Admit([Event("a", Start)]);

        Assert.Equal(1, result.Duplicates);
    }

    [Fact]
    public void IdIsForgottenOnceItsHourIsOlderThanTheRetention()
    {
        var deduplicator = new EventDeduplicator(TimeSpan.FromHours(24));
        deduplicator.Admit([Event("a", Start)]);
        AdvanceEventTime(deduplicator, Start, Start.AddHours(26));

        var result = deduplicator.Admit([Event("a", Start)]);

        Assert.Single(result.Fresh);
    }

    [Fact]
    public void SameIdWithAnotherEventTimeIsADuplicate()
    {
        var deduplicator = new EventDeduplicator(TimeSpan.FromHours(24));
        deduplicator.Admit([Event("a", Start)]);

        var result = deduplicator.Admit([Event("a", Start.AddHours(-20)), Event("a", Start.AddMinutes(3))]);

        Assert.Equal(2, result.Duplicates);
    }

    [Fact]
    public void EventOlderThanTheWindowIsAcceptedAndStillDeduplicatedWithinItsBatch()
    {
        var deduplicator = new EventDeduplicator(TimeSpan.FromHours(24));
        deduplicator.Admit([Event("now", Start)]);

        var result = deduplicator.Admit([Event("old", Start.AddDays(-3)), Event("old", Start.AddDays(-3))]);

        Assert.Equal((1, 1), (result.Fresh.Count, result.Duplicates));
    }

    [Fact]
    public void MemoryStaysBoundedByTheRetentionUnderASteadyStream()
    {
        var deduplicator = new EventDeduplicator(TimeSpan.FromHours(24));
        const int perHour = 2_000;
        var peak = 0L;

        for (var hour = 0; hour < 24 * 5; hour++)
        {
            var time = Start.AddHours(hour);
            var batch = Enumerable.Range(0, perHour).Select(i => Event($"{hour}-{i}", time.AddSeconds(i))).ToList();
            deduplicator.Admit(batch);
            peak = Math.Max(peak, deduplicator.TrackedIds);
        }

        // At most 25 full hours plus what is queued for eviction; never the 240,000 ids seen.
        Assert.InRange(peak, 24 * perHour, 27 * perHour);
    }

    [Fact]
    public void ForgottenIdsAreFreshAgain()
    {
        var deduplicator = new EventDeduplicator(TimeSpan.FromHours(24));
        var batch = new[] { Event("a", Start), Event("b", Start) };
        deduplicator.Admit(batch);

        deduplicator.Forget(batch);
        var result = deduplicator.Admit(batch);

        Assert.Equal(2, result.Fresh.Count);
    }

    [Fact]
    public async Task ConcurrentBatchesWithTheSameIdsLetEachIdThroughOnce()
    {
        var deduplicator = new EventDeduplicator(TimeSpan.FromHours(24));
        var batch = Enumerable.Range(0, 5_000).Select(i => Event("id-" + i, Start.AddSeconds(i))).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => deduplicator.Admit(batch))));

        Assert.Equal(5_000, results.Sum(r => r.Fresh.Count));
        Assert.Equal(7 * 5_000, results.Sum(r => r.Duplicates));
    }

    [Fact]
    public void RetentionShorterThanAnHourIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventDeduplicator(TimeSpan.FromMinutes(30)));

    private static void AdvanceEventTime(EventDeduplicator deduplicator, DateTimeOffset from, DateTimeOffset to)
    {
        // Enough events per step that eviction, spread over calls, catches up.
        for (var time = from; time <= to; time = time.AddMinutes(30))
        {
            deduplicator.Admit([Event("filler-" + time.UtcTicks, time)]);
        }
    }

    private static LiveEvent Event(string id, DateTimeOffset ts) =>
        new() { Id = id, Type = EventType.Follow, Timestamp = ts, Region = Region.EU, RoomId = "r", BroadcasterId = "b", UserId = "u" };
}
