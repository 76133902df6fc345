namespace Vigil.Runtime.Persistence;

/// <summary>
/// A serialized snapshot of a dirty state, on its way to storage. Its payload may live in an array from
/// <see cref="SnapshotPayloads"/>, which the writer hands back (<see cref="ReleasePayload"/>) once the storage has
/// answered for it; storage must not keep a payload beyond the write (both storages here copy it).
/// </summary>
internal sealed class PendingStateWrite(IStateSlot slot, int version, StateWrite write, byte[]? rentedPayload = null)
{
    private byte[]? _rentedPayload = rentedPayload;

    public IStateSlot Slot { get; } = slot;

    public int Version { get; } = version;

    public StateWrite Write { get; } = write;

    /// <summary>Hands the payload's array back to the pool, once; the write must be over.</summary>
    public void ReleasePayload()
    {
        if (Interlocked.Exchange(ref _rentedPayload, null) is { } array)
        {
            SnapshotPayloads.Return(array);
        }
    }
}
