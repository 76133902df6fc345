namespace Vigil.Runtime.Persistence;

/// <summary>A stored state record: the serialized payload and its ETag.</summary>
public sealed record StoredState(byte[] Payload, string Etag);
