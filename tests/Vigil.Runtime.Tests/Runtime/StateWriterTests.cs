using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Runtime.Diagnostics;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Storage.Memory;
using Vigil.Runtime.Tests.Infrastructure;

namespace Vigil.Runtime.Tests.Runtime;

/// <summary>The write-behind writer itself, with states of its own making: faults outside the storage call.</summary>
public sealed class StateWriterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AStateWhoseBookkeepingThrowsCountsAsFailedAndTheWriterGoesOn()
    {
        var storage = new MemoryGrainStorage();
        using var metrics = new RuntimeMetrics();
        await using var writer = new StateWriter(storage, metrics, NullLogger.Instance, maxBatchSize: 100);
        var broken = new RecordingSlot("broken", throwOnWritten: true);
        var healthy = new RecordingSlot("healthy", throwOnWritten: false);

        var brokenFailures = await writer.SubmitAsync([broken.Pending(1)]).WaitAsync(Patience);
        var healthyFailures = await writer.SubmitAsync([healthy.Pending(1)]).WaitAsync(Patience);

        Assert.Equal(1, brokenFailures);
        Assert.Equal(1, broken.Failures); // it stays dirty, to be written again
        Assert.Equal(0, healthyFailures);
        Assert.Equal(1, healthy.Written);
        Assert.NotNull(await storage.ReadAsync(healthy.GrainId, "state"));
    }

    [Fact]
    public async Task AGroupWithABrokenStateStillFinishesItsOtherStates()
    {
        var storage = new MemoryGrainStorage();
        using var metrics = new RuntimeMetrics();
        await using var writer = new StateWriter(storage, metrics, NullLogger.Instance, maxBatchSize: 100);
        var first = new RecordingSlot("first", throwOnWritten: false);
        var broken = new RecordingSlot("broken", throwOnWritten: true);
        var last = new RecordingSlot("last", throwOnWritten: false);

        var failures = await writer.SubmitAsync([first.Pending(3), broken.Pending(3), last.Pending(3)]).WaitAsync(Patience);

        Assert.Equal(1, failures);
        Assert.Equal((1, 0), (first.Written, first.Failures));
        Assert.Equal((1, 0), (last.Written, last.Failures));
        Assert.Equal(1, broken.Failures);
    }

    [Fact]
    public async Task AFailedBatchWhoseLoggerThrowsStillFinishesEveryStateAndTheWriterGoesOn()
    {
        var storage = new FlakyGrainStorage { FailWrites = true };
        using var metrics = new RuntimeMetrics();
        await using var writer = new StateWriter(storage, metrics, new ThrowingLogger(), maxBatchSize: 100);
        var first = new RecordingSlot("first", throwOnWritten: false);
        var second = new RecordingSlot("second", throwOnWritten: false);

        var failures = await writer.SubmitAsync([first.Pending(1), second.Pending(1)]).WaitAsync(Patience);
        storage.FailWrites = false;
        var retried = await writer.SubmitAsync([first.Pending(2)]).WaitAsync(Patience);

        Assert.Equal(2, failures);
        Assert.Equal((1, 1), (first.Failures, second.Failures));
        Assert.Equal(0, retried);
        Assert.Equal(1, first.Written);
    }

    /// <summary>A logger whose every call throws, as a broken provider's can.</summary>
    private sealed class ThrowingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            throw new InvalidOperationException("The log provider is broken.");
    }

    private sealed class RecordingSlot(string key, bool throwOnWritten) : IStateSlot
    {
        public GrainId GrainId { get; } = new("writer-test", key);

        public int Written { get; private set; }

        public int Failures { get; private set; }

        public string StateName => "state";

        public bool IsDirty => true;

        public Task InFlightWrite => Task.CompletedTask;

        public PendingStateWrite Pending(int version) =>
            new(this, version, new StateWrite(GrainId, StateName, new byte[] { 1, 2, 3 }, ExpectedEtag: null));

        public Task ReadStateAsync() => Task.CompletedTask;

        public PendingStateWrite? TakeSnapshot() => null;

        public void SetInFlight(long sequence)
        {
        }

        public void OnWritten(int version, string etag)
        {
            if (throwOnWritten)
            {
                throw new InvalidOperationException("A state's bookkeeping fault, as a bug would cause.");
            }

            Written++;
        }

        public void OnWriteFailed() => Failures++;
    }
}
