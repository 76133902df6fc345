using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Grains.Contracts.Feed;

namespace Vigil.Dashboard.Live;

/// <summary>
/// The one place live items get their global sequence numbers: it numbers each feed item, keeps the most recent ones
/// in a ring so a reconnecting client can resume, and offers each item to every open connection.
/// </summary>
/// <remarks>
/// Numbering, the ring and the fan-out happen under one lock, and so do connecting and reading the current sequence.
/// That is what makes a snapshot consistent: a connection registered before a caller reads <see cref="Current"/> is
/// offered every item numbered after it. The fan-out only hands items to <see cref="LiveConnection.Offer"/>, which
/// never waits on the network, so the lock is held for microseconds per item. Sequences start at the start-up time
/// in milliseconds times 1,000, so a client that resumes against a restarted server asks for a sequence the new
/// process never issued (it gets a snapshot) rather than one it issued for something else.
/// </remarks>
public sealed class LiveSequencer
{
    private readonly Lock _gate = new();
    private readonly LiveItem?[] _ring;
    private readonly Dictionary<string, LiveConnection> _byId = new(StringComparer.Ordinal);
    private readonly LiveOptions _options;
    private readonly TimeProvider _time;
    private readonly LiveMetrics _metrics;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly long _first;
    private LiveConnection[] _connections = [];
    private long _current;

    public LiveSequencer(IOptions<LiveOptions> options, TimeProvider time, LiveMetrics metrics, ILoggerFactory loggers)
    {
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _loggers = loggers;
        _logger = loggers.CreateLogger<LiveSequencer>();
        _ring = new LiveItem?[_options.RingCapacity];
        _current = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        _first = _current + 1;
    }

    /// <summary>The sequence of the latest item; every later item is offered to every connection open now.</summary>
    public long Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public int ConnectionCount => Volatile.Read(ref _connections).Length;

    /// <summary>Numbers a feed item, remembers it and offers it to every connection; null for a kind not pushed.</summary>
    public LiveItem? Publish(FeedItem feedItem)
    {
        lock (_gate)
        {
            var item = LiveItem.From(_current + 1, feedItem);
            if (item is null)
            {
                return null;
            }

            _current = item.Seq;
            _ring[item.Seq % _ring.Length] = item;
            foreach (var connection in _connections)
            {
                connection.Offer(item);
            }

            _metrics.ItemSequenced();
            return item;
        }
    }

    /// <summary>Opens a connection: from now on it is offered every item; it sends nothing before its first snapshot or resume.</summary>
    public LiveConnection Connect(string connectionId, LiveAudience audience, Func<LiveBatch, Task> send)
    {
        var connection = new LiveConnection(connectionId, audience, send, _options, _time, _metrics, _loggers.CreateLogger<LiveConnection>());
        LiveConnection? replaced;
        lock (_gate)
        {
            _byId.Remove(connectionId, out replaced);
            _byId.Add(connectionId, connection);
            _connections = [.. _byId.Values];
        }

        replaced?.Dispose();
        _metrics.ConnectionOpened();
        if (replaced is not null)
        {
            _metrics.ConnectionClosed();
        }

        _logger.LogDebug("Live connection {ConnectionId} opened ({Advisor}, all regions: {AllRegions})", connectionId, audience.AdvisorId, audience.AllRegions);
        return connection;
    }

    public void Disconnect(string connectionId)
    {
        LiveConnection? connection;
        lock (_gate)
        {
            if (!_byId.Remove(connectionId, out connection))
            {
                return;
            }

            _connections = [.. _byId.Values];
        }

        connection.Dispose();
        _metrics.ConnectionClosed();
        _logger.LogDebug("Live connection {ConnectionId} closed", connectionId);
    }

    public LiveConnection? Find(string connectionId)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(connectionId);
        }
    }

    /// <summary>
    /// The items <paramref name="audience"/> may see after <paramref name="afterSequence"/> up to the current sequence,
    /// coalesced per subject, when the ring still holds all of them; false when some have been overwritten or the
    /// sequence was never issued by this process (the caller then needs a snapshot).
    /// </summary>
    public bool TryReadSince(long afterSequence, LiveAudience audience, out long sequence, out IReadOnlyList<LiveItem> items)
    {
        var visible = new List<LiveItem>();
        lock (_gate)
        {
            sequence = _current;
            var oldestHeld = Math.Max(_first, _current - _ring.Length + 1);
            if (afterSequence > _current || afterSequence < oldestHeld - 1)
            {
                items = [];
                return false;
            }

            for (var seq = afterSequence + 1; seq <= _current; seq++)
            {
                var item = _ring[seq % _ring.Length]!;
                if (audience.CanSee(item))
                {
                    visible.Add(item);
                }
            }
        }

        items = Coalesce(visible);
        return true;
    }

    /// <summary>Keeps the latest item per subject, in sequence order.</summary>
    private static List<LiveItem> Coalesce(List<LiveItem> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var latest = new List<LiveItem>(items.Count);
        for (var i = items.Count - 1; i >= 0; i--)
        {
            if (seen.Add(items[i].SubjectId))
            {
                latest.Add(items[i]);
            }
        }

        latest.Reverse();
        return latest;
    }
}
