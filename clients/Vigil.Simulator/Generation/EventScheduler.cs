namespace Vigil.Simulator.Generation;

/// <summary>
/// Future happenings of the world (a room ending, an episode's next score, a VIP's next session) ordered by simulated
/// time, ties by scheduling order so a seed always replays the same way.
/// </summary>
internal sealed class EventScheduler
{
    private readonly PriorityQueue<Action<long>, (long Ticks, long Order)> queue = new();
    private long order;

    public int Count => queue.Count;

    /// <summary>Runs <paramref name="action"/> with its due time once the world reaches <paramref name="ticks"/>.</summary>
    public void At(long ticks, Action<long> action) => queue.Enqueue(action, (ticks, order++));

    /// <summary>Takes the earliest happening due before <paramref name="endTicks"/>, if there is one.</summary>
    public bool TryTakeBefore(long endTicks, out Action<long> action, out long ticks)
    {
        if (queue.TryPeek(out var next, out var due) && due.Ticks < endTicks)
        {
            queue.Dequeue();
            action = next;
            ticks = due.Ticks;
            return true;
        }

        action = null!;
        ticks = 0;
        return false;
    }
}
