using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Runtime.Activation;
using Vigil.Runtime.Diagnostics;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Invocation;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime;

/// <summary>
/// The silo's virtual-actor runtime: the directory of activations, in-process call delivery, timeouts, idle
/// collection and write-behind. It is the <see cref="IGrainFactory"/> grains and hosts use, and the
/// <see cref="IGrainCallSink"/> every grain reference sends through.
/// </summary>
public sealed class GrainRuntime : IGrainFactory, IGrainCallSink, IAsyncDisposable
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly ConcurrentDictionary<GrainId, TaskCompletionSource> _removalWaiters = new();
    private readonly GrainClassCatalog _catalog;
    private readonly GrainRuntimeOptions _options;
    private readonly long _defaultTimeoutTicks;
    private readonly Lock _urgentLaneLock = new();
    private UrgentLane? _urgentLane;
    private bool _urgentLaneStopped;
    private ITimer? _timeoutTimer;
    private ITimer? _collectionTimer;
    private volatile bool _stopping;
    private int _stopped;

    public GrainRuntime(
        IOptions<GrainRuntimeOptions> options,
        IServiceProvider services,
        IGrainStorage storage,
        TimeProvider timeProvider,
        RuntimeMetrics metrics,
        ILogger<GrainRuntime> logger)
    {
        _options = options.Value;
        Services = services;
        TimeProvider = timeProvider;
        Metrics = metrics;
        Logger = logger;
        StateSerializerOptions = _options.StateSerializerOptions;
        var meteredStorage = new MeteredGrainStorage(storage, metrics, timeProvider);
        _catalog = new GrainClassCatalog(
            _options.GrainAssemblies,
            _options.DefaultIdleTimeout,
            name => name is null ? meteredStorage : new MeteredGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(name), metrics, timeProvider));
        _defaultTimeoutTicks = ToTicks(_options.CallTimeout);
        StateWriter = new StateWriter(meteredStorage, metrics, logger, _options.MaxWriteBatchSize);
        Flusher = new WriteBehindFlusher(timeProvider, _options.FlushInterval, metrics, logger);
        metrics.MailboxDepthSource = () => _activations.Values.Sum(a => (long)a.QueuedRequests);
    }

    public TimeProvider TimeProvider { get; }

    public RuntimeMetrics Metrics { get; }

    /// <summary>Number of activations in the directory (any state but dead).</summary>
    public int ActivationCount => _activations.Count;

    internal IServiceProvider Services { get; }

    internal ILogger Logger { get; }

    internal JsonSerializerOptions StateSerializerOptions { get; }

    internal StateWriter StateWriter { get; }

    internal WriteBehindFlusher Flusher { get; }

    /// <summary>
    /// Runs <paramref name="work"/> (an activation of an <see cref="UrgentAttribute"/> grain class) on the urgent lane,
    /// which starts with the first of them; once the runtime has stopped, on the thread pool.
    /// </summary>
    internal void ScheduleUrgent(IThreadPoolWorkItem work)
    {
        if (Volatile.Read(ref _urgentLane) is { } lane)
        {
            lane.Schedule(work);
            return;
        }

        lock (_urgentLaneLock)
        {
            if (!_urgentLaneStopped)
            {
                (_urgentLane ??= new UrgentLane()).Schedule(work);
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
    }

    /// <summary>Whether the calling thread is the urgent lane's.</summary>
    internal bool IsOnUrgentLane => Volatile.Read(ref _urgentLane) is { } lane && lane.IsCurrentThread;

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        var grainClass = _catalog.GetByInterface(typeof(TGrainInterface));
        return GrainInterfaceRegistry.CreateProxy<TGrainInterface>(this, new GrainId(grainClass.TypeName, key));
    }

    /// <summary>Activations per grain type, for status pages.</summary>
    public IReadOnlyDictionary<string, int> CountActivationsByType() =>
        _activations.Keys.GroupBy(id => id.Type).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public void Send(GrainReference target, GrainRequest request) => Deliver(target.GrainId, request, target);

    /// <summary>
    /// Delivers a request that did not come from a local reference, for example one rebuilt from a
    /// <see cref="GrainCallMessage"/> received from another silo. The caller awaits the request itself.
    /// </summary>
    public void Deliver(GrainId target, GrainRequest request) => Deliver(target, request, reference: null);

    private void Deliver(GrainId targetId, GrainRequest request, GrainReference? reference)
    {
        var method = request.Method;
        request.Target = targetId;
        var now = TimeProvider.GetTimestamp();
        request.SentTimestamp = now;
        if (!method.IsOneWay)
        {
            // A one-way call has no caller waiting, so it is no part of a call chain that could deadlock.
            request.Parent = SynchronizationContext.Current as GrainRequest;
            request.DeadlineTimestamp = now + (method.ResponseTimeout is { } timeout ? ToTicks(timeout) : _defaultTimeoutTicks);
        }

        if (_stopping)
        {
            request.FailNow(new InvalidOperationException($"The silo is shutting down; {method.DisplayName} on {targetId} was not delivered."));
            return;
        }

        var activation = reference?.CachedRoute as GrainActivation;
        while (true)
        {
            if (activation is null || activation.IsDead)
            {
                activation = GetOrCreateActivation(targetId);
                if (reference is not null)
                {
                    reference.CachedRoute = activation;
                }
            }

            if (request.Parent is { } parent && WouldDeadlock(parent, request, activation))
            {
                request.FailNow(new DeadlockException(parent.DescribeChain(targetId)));
                return;
            }

            if (activation.TryEnqueue(request))
            {
                return;
            }

            activation = null;
        }
    }

    /// <summary>Starts the timers for call timeouts, idle collection and write-behind.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _timeoutTimer = TimeProvider.CreateTimer(static s => ((GrainRuntime)s!).FailExpiredRequests(), this, _options.TimeoutCheckInterval, _options.TimeoutCheckInterval);
        _collectionTimer = TimeProvider.CreateTimer(static s => ((GrainRuntime)s!).CollectIdleActivations(), this, _options.CollectionInterval, _options.CollectionInterval);
        var types = _catalog.Classes.Select(c => c.TypeName).Order(StringComparer.Ordinal).ToArray();
        RuntimeLog.Started(Logger, types.Length, string.Join(", ", types));
        return Task.CompletedTask;
    }

    /// <summary>Writes every dirty state now and waits for the writes to finish (failed ones stay dirty).</summary>
    public Task FlushAsync() => Flusher.FlushAsync();

    /// <summary>Deactivates every activation, writing its dirty state, then stops the writer. Safe to call twice.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        RuntimeLog.Stopping(Logger, _activations.Count);
        _timeoutTimer?.Dispose();
        _collectionTimer?.Dispose();
        Flusher.Dispose();

        try
        {
            // Deactivate first, then refuse new calls: OnDeactivateAsync may still call other grains.
            await Task.WhenAll(_activations.Values.Select(a => a.DeactivateForShutdownAsync())).WaitAsync(cancellationToken).ConfigureAwait(false);
            _stopping = true;
            await Task.WhenAll(_activations.Values.Select(a => a.DeactivateForShutdownAsync())).WaitAsync(cancellationToken).ConfigureAwait(false);
            await Flusher.FlushAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out, typically because a grain's turn never finishes. Everything that
            // could be written was; the stuck activations are reported below rather than waited for forever.
            _stopping = true;
        }

        await StateWriter.DisposeAsync().ConfigureAwait(false);
        UrgentLane? urgentLane;
        lock (_urgentLaneLock)
        {
            _urgentLaneStopped = true;
            urgentLane = _urgentLane;
        }

        urgentLane?.Dispose();

        RuntimeLog.Stopped(Logger, _activations.Count);
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    internal void OnCallCompleted(GrainRequest request, GrainClass grainClass)
    {
        if (Metrics.Calls.Enabled)
        {
            Metrics.Calls.Add(1, new KeyValuePair<string, object?>("grain.type", grainClass.TypeName));
        }

        if (Metrics.CallLatency.Enabled)
        {
            Metrics.CallLatency.Record(
                TimeProvider.GetElapsedTime(request.SentTimestamp).TotalMilliseconds,
                new KeyValuePair<string, object?>("grain.type", grainClass.TypeName));
        }
    }

    internal void OnActivated(GrainClass grainClass) =>
        Metrics.Activations.Add(1, new KeyValuePair<string, object?>("grain.type", grainClass.TypeName));

    internal void OnDeactivated(GrainClass grainClass) =>
        Metrics.Activations.Add(-1, new KeyValuePair<string, object?>("grain.type", grainClass.TypeName));

    internal void RemoveActivation(GrainActivation activation)
    {
        _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.GrainId, activation));
        if (!_removalWaiters.IsEmpty && _removalWaiters.TryRemove(activation.GrainId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>Completes once the grain has no activation in this silo (for tests and diagnostics).</summary>
    internal Task WhenDeactivated(GrainId grainId)
    {
        var waiter = _removalWaiters.GetOrAdd(grainId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_activations.ContainsKey(grainId))
        {
            _removalWaiters.TryRemove(grainId, out _);
            waiter.TrySetResult();
        }

        return waiter.Task;
    }

    private GrainActivation GetOrCreateActivation(GrainId grainId) =>
        _activations.GetOrAdd(grainId, static (id, runtime) => new GrainActivation(runtime, runtime._catalog.GetByTypeName(id.Type), id), this);

    private static bool WouldDeadlock(GrainRequest parent, GrainRequest request, GrainActivation target)
    {
        if (target.Class.IsReentrant || request.Method.AlwaysInterleave)
        {
            return false;
        }

        // Walk the chain of callers still waiting; a completed link means nobody upstream is waiting any more.
        for (var link = parent; link is not null && !link.IsCompleted; link = link.Parent)
        {
            if (link.Target == target.GrainId && !(link.Method.IsReadOnly && request.Method.IsReadOnly))
            {
                return true;
            }
        }

        return false;
    }

    private void FailExpiredRequests()
    {
        var now = TimeProvider.GetTimestamp();
        foreach (var activation in _activations.Values)
        {
            if (activation.QueuedRequests > 0)
            {
                activation.FailExpiredRequests(now);
            }
        }
    }

    private void CollectIdleActivations()
    {
        var now = TimeProvider.GetTimestamp();
        var collected = 0;
        foreach (var activation in _activations.Values)
        {
            if (activation.TryCollectIfIdle(now, ToTicks(activation.Class.IdleTimeout)))
            {
                collected++;
            }
        }

        if (collected > 0)
        {
            RuntimeLog.Collected(Logger, collected);
        }
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * TimeProvider.TimestampFrequency);
}
