namespace Vigil.Dashboard.Tests.Browser.Infrastructure;

/// <summary>Ids no other test uses, since every test shares one silo and its state.</summary>
public static class Unique
{
    public static string Id(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
