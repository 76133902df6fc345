namespace Vigil.Ingest.Tests.Infrastructure;

/// <summary>The tests that share one running <see cref="IngestServer"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class IngestServerCollection : ICollectionFixture<IngestServer>
{
    public const string Name = "Ingest server";
}
