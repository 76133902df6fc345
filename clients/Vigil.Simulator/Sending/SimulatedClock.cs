namespace Vigil.Simulator.Sending;

/// <summary>
/// Maps simulated time to wall time. Simulated time starts at <c>simStart</c> when the wall clock reads
/// <c>wallStart</c> and runs <c>compression</c> times faster until it has caught up with the wall clock; from then on
/// it is the wall clock. With compression 1 and a start of now the two are the same, which is live mode.
/// </summary>
internal sealed class SimulatedClock
{
    private readonly DateTimeOffset simStart;
    private readonly DateTimeOffset wallStart;
    private readonly double compression;
    private readonly DateTimeOffset? catchUp;

    public SimulatedClock(DateTimeOffset simStart, DateTimeOffset wallStart, double compression)
    {
        this.simStart = simStart;
        this.wallStart = wallStart;
        this.compression = compression;
        if (compression > 1 && simStart < wallStart)
        {
            // sim(w) = simStart + (w - wallStart) * c meets w when (w - wallStart) * (c - 1) = wallStart - simStart.
            catchUp = wallStart + (wallStart - simStart) / (compression - 1);
        }
    }

    /// <summary>The wall time at which the simulated clock shows <paramref name="simulated"/>.</summary>
    public DateTimeOffset WallTimeFor(DateTimeOffset simulated)
    {
        if (catchUp is { } meet && simulated >= meet)
        {
            return simulated;
        }

        return wallStart + (simulated - simStart) / compression;
    }
}
