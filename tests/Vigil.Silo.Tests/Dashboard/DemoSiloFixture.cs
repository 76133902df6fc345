using Vigil.Testing.Silo;

namespace Vigil.Silo.Tests.Dashboard;

/// <summary>
/// One silo in Demo mode (the README's default) with a script token, shared by the tests that only read or sign in.
/// Every request comes from 127.0.0.1, so tests here make at most a few failed sign-ins between them (the limit is 5).
/// </summary>
public sealed class DemoSiloFixture : IAsyncLifetime
{
    public const string OperatorToken = "operator-token-0123456789";

    private readonly TemporaryFolder _data = new();

    public SiloProcess Silo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Silo = SiloProcess.Start(_data.Path, new Dictionary<string, string>
        {
            ["Vigil__Mode"] = "Demo",
            ["Vigil__Storage"] = "Memory",
            ["Vigil__Api__Tokens__0__Name"] = "ops-script",
            ["Vigil__Api__Tokens__0__Token"] = OperatorToken,
            ["Vigil__Api__Tokens__0__Roles__0"] = "operator",
            ["Vigil__Api__Tokens__0__Regions__0"] = "EU",
        });
        await Silo.WaitUntilListening();
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        _data.Dispose();
    }
}
