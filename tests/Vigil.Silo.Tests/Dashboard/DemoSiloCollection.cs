namespace Vigil.Silo.Tests.Dashboard;

/// <summary>Tests that share <see cref="DemoSiloFixture"/>'s silo.</summary>
[CollectionDefinition(Name)]
public sealed class DemoSiloCollection : ICollectionFixture<DemoSiloFixture>
{
    public const string Name = "demo silo";
}
