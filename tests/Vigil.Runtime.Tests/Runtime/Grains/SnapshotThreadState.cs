namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>The persistent state of <see cref="SnapshotThreadGrain"/>.</summary>
public sealed class SnapshotThreadState
{
    public int Touches { get; set; }

    /// <summary>Read by the serializer, so a stored payload carries the thread that took the snapshot.</summary>
    public int SerializedOnThread => Environment.CurrentManagedThreadId;
}
