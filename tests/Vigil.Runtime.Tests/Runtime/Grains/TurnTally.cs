namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>Counts a grain's turns, noting whether two of them ever ran at once: for tests of one-turn-at-a-time.</summary>
public sealed class TurnTally
{
    private int _inside;
    private int _count;
    private bool _overlapSeen;

    public TallyReading Count()
    {
        _overlapSeen |= Interlocked.Increment(ref _inside) > 1;

        // A read-modify-write spread over time, so that two turns at once would lose counts.
        var count = _count;
        Thread.SpinWait(20);
        _count = count + 1;
        Interlocked.Decrement(ref _inside);
        return new TallyReading(_count, _overlapSeen);
    }
}
