namespace Vigil.Runtime.Persistence;

/// <summary>An activation queued for the next flush: it serializes its dirty states between two of its turns.</summary>
internal interface IWriteBehindParticipant
{
    /// <summary>Clears the queued mark, so a change after this point queues the activation again.</summary>
    void ClearQueuedForFlush();

    /// <summary>Asks for a snapshot of the dirty states; <paramref name="slice"/> is signaled once they are written or have failed.</summary>
    void RequestSnapshot(FlushSlice slice);
}
