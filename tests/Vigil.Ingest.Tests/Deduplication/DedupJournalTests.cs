using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vigil.Grains.Contracts.Events;
using Vigil.Ingest.Configuration;
using Vigil.Ingest.Deduplication;
using Vigil.Testing;
using Vigil.Testing.Silo;

namespace Vigil.Ingest.Tests.Deduplication;

public sealed class DedupJournalTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private readonly TemporaryFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public async Task IdsAdmittedBeforeARestartAreStillDuplicatesAfterIt()
    {
        var (before, journal) = await Open();
        before.Admit([Event("a", Start), Event("b", Start.AddHours(1))]);
        await journal.StopAsync(CancellationToken.None);

        var (after, _) = await Open();
        var result = after.Admit([Event("a", Start), Event("b", Start.AddHours(1)), Event("c", Start)]);

        Assert.Equal(["c"], result.Fresh.Select(e => e.Id));
        Assert.Equal(2, result.Duplicates);
    }

    [Fact]
    public async Task TheCheckpointTimerWritesIdsWithoutWaitingForShutdown()
    {
        var (before, _) = await Open();
        before.Admit([Event("a", Start)]);

        _time.Advance(TimeSpan.FromSeconds(2));
        var (after, _) = await Open();

        Assert.Equal(1, after.Admit([Event("a", Start)]).Duplicates);
    }

    [Fact]
    public async Task HoursOlderThanTheRetentionAreDeletedAndNotRestored()
    {
        var (before, journal) = await Open();
        before.Admit([Event("old", Start)]);
        journal.Checkpoint();
        before.Admit([Event("new", Start.AddHours(27))]);
        journal.Checkpoint();

        var (after, _) = await Open();

        Assert.Single(Directory.GetFiles(_folder.Path, "*.ids"));
        Assert.Single(after.Admit([Event("old", Start)]).Fresh);
        Assert.Equal(1, after.Admit([Event("new", Start.AddHours(27))]).Duplicates);
    }

    [Fact]
    public async Task ATornLastWriteIsIgnoredAndTheWholeHashesBeforeItAreKept()
    {
        var (before, journal) = await Open();
        before.Admit([Event("a", Start)]);
        await journal.StopAsync(CancellationToken.None);
        var file = Directory.GetFiles(_folder.Path, "*.ids").Single();
        await File.AppendAllTextAsync(file, "xyz");

        var (after, _) = await Open();

        Assert.Equal(1, after.Admit([Event("a", Start)]).Duplicates);
        Assert.Single(after.Admit([Event("b", Start)]).Fresh);
    }

    [Fact]
    public async Task ALostSeedDiscardsHourFilesHashedWithIt()
    {
        var (before, journal) = await Open();
        before.Admit([Event("a", Start)]);
        await journal.StopAsync(CancellationToken.None);
        File.Delete(Path.Combine(_folder.Path, "seed"));

        var (after, _) = await Open();

        Assert.Empty(Directory.GetFiles(_folder.Path, "*.ids"));
        Assert.Single(after.Admit([Event("a", Start)]).Fresh);
    }

    public void Dispose() => _folder.Dispose();

    private async Task<(EventDeduplicator Deduplicator, DedupJournal Journal)> Open()
    {
        var options = Options.Create(new IngestOptions { DedupJournalPath = _folder.Path });
        var deduplicator = new EventDeduplicator(options);
        var journal = new DedupJournal(deduplicator, options, _time, NullLogger<DedupJournal>.Instance);
        await journal.StartAsync(CancellationToken.None);
        return (deduplicator, journal);
    }

    private static LiveEvent Event(string id, DateTimeOffset ts) =>
        new() { Id = id, Type = EventType.Follow, Timestamp = ts, Region = Region.EU, RoomId = "r", BroadcasterId = "b", UserId = "u" };
}
