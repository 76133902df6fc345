using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Persistence;

/// <summary>The activation that owns persistent states and queues itself for the next write-behind flush.</summary>
internal interface IDirtyStateOwner
{
    GrainId GrainId { get; }

    void NotifyDirty();

    /// <summary>Completes once the write-behind writer has finished the group numbered <paramref name="sequence"/>.</summary>
    Task WhenWritten(long sequence);
}
