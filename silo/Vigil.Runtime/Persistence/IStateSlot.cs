namespace Vigil.Runtime.Persistence;

/// <summary>The runtime's view of one persistent state of an activation: loading and write-behind bookkeeping.</summary>
internal interface IStateSlot
{
    string StateName { get; }

    bool IsDirty { get; }

    Task ReadStateAsync();

    /// <summary>Serializes the state if it is dirty and no write of it is in flight; runs inside the grain's turn.</summary>
    PendingStateWrite? TakeSnapshot();

    /// <summary>Marks the snapshot as handed to the writer in group <paramref name="sequence"/>; the grain's own writes wait for it.</summary>
    void SetInFlight(long sequence);

    /// <summary>Completes when no write-behind write of this state is in flight.</summary>
    Task InFlightWrite { get; }

    void OnWritten(int version, string etag);

    void OnWriteFailed();
}
