namespace Vigil.Simulator.Tests.Support;

/// <summary>Test classes in this collection share one <see cref="GeneratedTrafficFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class GeneratedTrafficCollection : ICollectionFixture<GeneratedTrafficFixture>
{
    public const string Name = "Generated traffic";
}
