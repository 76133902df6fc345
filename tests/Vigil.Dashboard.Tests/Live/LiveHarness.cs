using System.Diagnostics.Metrics;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vigil.Dashboard.Live;
using Vigil.Grains.Contracts.Feed;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Live;

/// <summary>The live push's plain classes wired as the host wires them, on a fake clock and fake grains.</summary>
internal sealed class LiveHarness : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();

    public LiveHarness(int ringCapacity = 1024, int queueCapacity = 1024)
    {
        Options = new LiveOptions { RingCapacity = ringCapacity, ConnectionQueueCapacity = queueCapacity };
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = _services.GetRequiredService<IMeterFactory>();
        Metrics = new LiveMetrics(meters);
        Sequencer = new LiveSequencer(Microsoft.Extensions.Options.Options.Create(Options), Time, Metrics, NullLoggerFactory.Instance);
        Sync = new LiveSync(Grains, Sequencer, Metrics, NullLogger<LiveSync>.Instance);
        Actions = new LiveActions(Grains, Time, NullLogger<LiveActions>.Instance);

        // Counts only this harness's resyncs: each harness has its own meter factory, the meter's scope.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "vigil.dashboard.live.resyncs")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                lock (Resyncs)
                {
                    Resyncs.Add((string)tag.Value!);
                }
            }
        });
        _listener.Start();
    }

    public FakeTimeProvider Time { get; } = new(LiveFixtures.At);

    public LiveOptions Options { get; }

    public LiveMetrics Metrics { get; }

    public LiveSequencer Sequencer { get; }

    public FakeGrains Grains { get; } = new();

    public LiveSync Sync { get; }

    public LiveActions Actions { get; }

    public List<string> Resyncs { get; } = [];

    public (LiveConnection Connection, RecordingClient Client) Connect(ClaimsPrincipal user, bool slow = false, string? id = null)
    {
        var client = new RecordingClient(Time, slow);
        var connection = Sequencer.Connect(id ?? Guid.NewGuid().ToString("n"), LiveAudience.Of(user), client.Send);
        return (connection, client);
    }

    /// <summary>Connects and starts the stream at the current sequence, as a snapshot would.</summary>
    public (LiveConnection Connection, RecordingClient Client) ConnectStarted(ClaimsPrincipal user, bool slow = false)
    {
        var (connection, client) = Connect(user, slow);
        connection.StartAfter(Sequencer.Current);
        return (connection, client);
    }

    public LiveItem Publish(FeedItem item) => Sequencer.Publish(item) ?? throw new InvalidOperationException("not published");

    public void Advance(int milliseconds) => Time.Advance(TimeSpan.FromMilliseconds(milliseconds));

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}
