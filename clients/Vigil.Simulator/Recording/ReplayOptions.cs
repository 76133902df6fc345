namespace Vigil.Simulator.Recording;

/// <summary>How a recording is sent again.</summary>
public sealed class ReplayOptions
{
    /// <summary>Events per wall second; 0 = as fast as the target takes them.</summary>
    public double Rate { get; set; } = 2000;

    public int BatchSize { get; set; } = 1000;

    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Wait with an event whose <c>ts</c> is more than this ahead of the wall clock (the contract rejects events over
    /// 5 minutes in the future), so a recording made with a future start is released as its time comes.
    /// </summary>
    public TimeSpan MaxLead { get; set; } = TimeSpan.FromMinutes(4);
}
