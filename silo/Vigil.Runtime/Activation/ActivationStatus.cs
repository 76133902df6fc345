namespace Vigil.Runtime.Activation;

/// <summary>Where an activation is in its life; only <see cref="Active"/> runs calls.</summary>
internal enum ActivationStatus
{
    /// <summary>No grain instance: the next queued call starts activation (also after a failed activation).</summary>
    Inactive,
    Activating,
    Active,
    Deactivating,

    /// <summary>Removed from the directory; senders that still hold it look the grain up again.</summary>
    Dead,
}
