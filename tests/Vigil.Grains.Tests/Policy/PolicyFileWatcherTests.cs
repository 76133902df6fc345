using Vigil.Grains.Policy;
using Vigil.Grains.Tests.Infrastructure;

namespace Vigil.Grains.Tests.Policy;

public sealed class PolicyFileWatcherTests : IDisposable
{
    private static readonly TimeSpan SignalLimit = TimeSpan.FromSeconds(20);

    private readonly FakeTimeProvider _time = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-policy-").FullName;
    private readonly PolicyStore _store;

    public PolicyFileWatcherTests() => _store = new PolicyStore(_time);

    private string PolicyPath => Path.Combine(_directory, "policy.json");

    [Fact]
    public void AChangedFileIsAppliedOnceItHasBeenStableForTheDebounce()
    {
        using var watcher = Polling();
        watcher.Start();
        File.WriteAllText(PolicyPath, PolicyText.Default(2));

        _time.Advance(TimeSpan.FromSeconds(2)); // the poll sees new content
        var beforeDebounce = _store.Active.Version;
        _time.Advance(TimeSpan.FromSeconds(1)); // unchanged for the debounce

        Assert.Equal(1, beforeDebounce);
        Assert.Equal(2, _store.Active.Version);
        Assert.Equal("file:" + PolicyPath, _store.ActiveEntry.Source);
    }

    [Fact]
    public void AFileStillBeingWrittenIsNotAppliedUntilItStopsChanging()
    {
        using var watcher = Polling();
        watcher.Start();
        var json = PolicyText.Default(2);
        File.WriteAllText(PolicyPath, json[..(json.Length / 2)]);
        _time.Advance(TimeSpan.FromSeconds(2)); // the poll sees the half-written file

        File.WriteAllText(PolicyPath, json);
        _time.Advance(TimeSpan.FromSeconds(1)); // the debounce check finds it changed again and starts over
        var afterSecondWrite = _store.Active.Version;
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, afterSecondWrite);
        Assert.Equal(2, _store.Active.Version);
        Assert.Equal(PolicyApplyOutcome.Applied, watcher.LastResult?.Outcome); // the half file was never tried
    }

    [Fact]
    public void AnInvalidFileIsRejectedOnceAndTheActivePolicyStays()
    {
        using var watcher = Polling();
        watcher.Start();
        File.WriteAllText(PolicyPath, PolicyText.Default(2, p => p["sla"]!["p1Seconds"] = 0));

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, _store.Active.Version);
        Assert.Equal(PolicyApplyOutcome.Rejected, watcher.LastResult?.Outcome);
        Assert.Contains("sla.p1Seconds: must be between 1 and 604800 seconds (was 0)", watcher.LastResult!.Errors);
    }

    [Fact]
    public async Task AFileSystemEventStartsTheDebounceWithoutWaitingForThePoll()
    {
        using var watcher = new PolicyFileWatcher(_store, new PolicyFileWatcherOptions { Path = PolicyPath, PollInterval = TimeSpan.FromHours(1) }, _time);
        var noticed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Start();
        watcher.FileEventHandled += () => noticed.TrySetResult();

        // Written beside the target and renamed over it, so the watcher only ever sees the complete file.
        var staging = PolicyPath + ".tmp";
        File.WriteAllText(staging, PolicyText.Default(2));
        File.Move(staging, PolicyPath, overwrite: true);
        await Within(noticed.Task, "the FileSystemWatcher to report policy.json being replaced");
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, _store.Active.Version);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private PolicyFileWatcher Polling() =>
        new(_store, new PolicyFileWatcherOptions { Path = PolicyPath, UseFileSystemWatcher = false }, _time);

    private static async Task Within(Task task, string awaited)
    {
        try
        {
            await task.WaitAsync(SignalLimit);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {SignalLimit.TotalSeconds:0}s waiting for {awaited}.");
        }
    }
}
