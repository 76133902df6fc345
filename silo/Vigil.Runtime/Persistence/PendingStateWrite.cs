namespace Vigil.Runtime.Persistence;

/// <summary>A serialized snapshot of a dirty state, on its way to storage.</summary>
internal sealed record PendingStateWrite(IStateSlot Slot, int Version, StateWrite Write);
