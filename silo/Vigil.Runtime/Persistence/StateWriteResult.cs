namespace Vigil.Runtime.Persistence;

/// <summary>The outcome of one item of a batch write: its new ETag, or the error that failed it.</summary>
public readonly record struct StateWriteResult(string? NewEtag, Exception? Error)
{
    public bool Succeeded => Error is null;
}
