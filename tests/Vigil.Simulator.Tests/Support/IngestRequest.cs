namespace Vigil.Simulator.Tests.Support;

/// <summary>One request <see cref="FakeIngestServer"/> received: the key and content type it carried and its body.</summary>
public sealed record IngestRequest(string? ApiKey, string? ContentType, int Lines, byte[] Body);
