namespace Vigil.Dashboard.Tests.Browser.Infrastructure;

/// <summary>The browser tests share one silo and one Chromium, so they run one after another in this collection.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard in a real browser";
}
