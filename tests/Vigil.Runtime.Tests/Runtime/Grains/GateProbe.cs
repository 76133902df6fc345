using System.Collections.Concurrent;

namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>Lets a test hold calls inside a grain and see how many run at once, per grain key.</summary>
public sealed class GateProbe
{
    private static readonly ConcurrentDictionary<string, GateProbe> Probes = new();
    private int _inside;
    private int _maxInside;

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when as many calls as <see cref="ExpectedInside"/> are inside at the same time.</summary>
    public TaskCompletionSource AllInside { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource FirstInside { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int ExpectedInside { get; set; } = int.MaxValue;

    public int MaxInside => Volatile.Read(ref _maxInside);

    public bool OverlapSeen { get; private set; }

    public static GateProbe For(string key) => Probes.GetOrAdd(key, _ => new GateProbe());

    public async Task<int> Hold()
    {
        var inside = Interlocked.Increment(ref _inside);
        if (inside > 1)
        {
            OverlapSeen = true;
        }

        InterlockedMax(ref _maxInside, inside);
        FirstInside.TrySetResult();
        if (inside >= ExpectedInside)
        {
            AllInside.TrySetResult();
        }

        await Gate.Task;
        Interlocked.Decrement(ref _inside);
        return inside;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
