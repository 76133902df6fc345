namespace Vigil.Dashboard.Live;

/// <summary>Settings of the live push (<c>Vigil:Live</c>): how often a connection gets a batch and how much is buffered.</summary>
public sealed class LiveOptions
{
    public const string SectionName = "Vigil:Live";

    /// <summary>At most one <c>batch</c> per connection per this interval (the 50 ms).</summary>
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How many recent items the server keeps so a reconnecting client can resume instead of taking a snapshot.</summary>
    public int RingCapacity { get; set; } = 16_384;

    /// <summary>How many distinct subjects may wait for one connection before it is told to resynchronise.</summary>
    public int ConnectionQueueCapacity { get; set; } = 4_096;
}
