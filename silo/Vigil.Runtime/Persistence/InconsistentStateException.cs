namespace Vigil.Runtime.Persistence;

/// <summary>A state write or clear named an ETag that is no longer the stored one: newer data exists and was kept.</summary>
public sealed class InconsistentStateException(string message, string? storedEtag, string? expectedEtag) : Exception(message)
{
    public string? StoredEtag { get; } = storedEtag;

    public string? ExpectedEtag { get; } = expectedEtag;
}
