using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Runtime;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Sqlite;

namespace Vigil.Benchmarks.Infrastructure;

/// <summary>A started grain runtime over in-memory or SQLite storage, with this assembly's grains and no log output.</summary>
internal sealed class BenchmarkSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchmarkSilo(ServiceProvider services)
    {
        _services = services;
        Runtime = services.GetRequiredService<GrainRuntime>();
    }

    public GrainRuntime Runtime { get; }

    public static Task<BenchmarkSilo> StartWithMemoryStorageAsync() => StartAsync(services => services.AddMemoryGrainStorage());

    public static Task<BenchmarkSilo> StartWithSqliteStorageAsync(string filePath) => StartAsync(services => services.AddSqliteGrainStorage(filePath));

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync();
        await _services.DisposeAsync();
    }

    private static async Task<BenchmarkSilo> StartAsync(Action<IServiceCollection> addStorage)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        addStorage(services);

        // Write-behind only when the flush benchmark asks for it, so a timer flush never splits the batch it times.
        services.AddGrainRuntime(o => o.FlushInterval = TimeSpan.FromHours(1)).AddGrainAssembly(typeof(BenchmarkSilo).Assembly);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var silo = new BenchmarkSilo(provider);
        await silo.Runtime.StartAsync();
        return silo;
    }
}
