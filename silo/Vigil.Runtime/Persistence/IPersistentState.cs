namespace Vigil.Runtime.Persistence;

/// <summary>One named piece of a grain's durable state, loaded before the grain's first call.</summary>
public interface IPersistentState<TState> where TState : new()
{
    TState State { get; set; }

    /// <summary>The version of the stored record this state was read from or last written as; null when none exists.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync();

    /// <summary>Writes now. Throws <see cref="InconsistentStateException"/> when the stored record changed since it was read.</summary>
    Task WriteStateAsync();

    Task ClearStateAsync();

    /// <summary>
    /// Marks the state changed without writing it: the runtime writes it in a batch within the flush interval, on
    /// deactivation and on shutdown. A failed flush is retried, never dropped.
    /// </summary>
    void MarkDirty();
}
