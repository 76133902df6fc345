using System.Collections.Concurrent;

namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>Observes a <see cref="TickerGrain"/>'s ticks from the test: when they start and whether they overlap.</summary>
public sealed class TickerProbe
{
    private static readonly ConcurrentDictionary<string, TickerProbe> Probes = new();
    private readonly ConcurrentQueue<TaskCompletionSource> _tickStarted = new();
    private int _inside;

    public static TickerProbe For(string key) => Probes.GetOrAdd(key, _ => new TickerProbe());

    public TaskCompletionSource Release { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool OverlapSeen { get; private set; }

    public int Started { get; private set; }

    public int Cancelled { get; private set; }

    /// <summary>Completes when tick number <paramref name="n"/> (1-based) has started.</summary>
    public Task TickStarted(int n)
    {
        lock (_tickStarted)
        {
            while (_tickStarted.Count < n)
            {
                _tickStarted.Enqueue(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }

            return _tickStarted.ElementAt(n - 1).Task;
        }
    }

    public async Task OnTick(bool hold, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _inside) > 1)
        {
            OverlapSeen = true;
        }

        Started++;
        _ = TickStarted(Started);
        lock (_tickStarted)
        {
            _tickStarted.ElementAt(Started - 1).TrySetResult();
        }

        try
        {
            if (hold)
            {
                await Release.Task.WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            Cancelled++;
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }
}
