using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Grains;
using Vigil.Grains.Health;
using Vigil.Runtime;
using Vigil.Runtime.Hosting;

namespace Vigil.Benchmarks.Domain;

/// <summary>
/// The grain runtime with Vigil's monitoring grains and their services, as the silo registers them, over in-memory
/// storage with write-behind held back, so the heap holds the live grains and nothing of their serialized copies.
/// Never stopped: stopping deactivates every grain and serializes its dirty state (minutes and gigabytes for a million
/// VIPs) for nothing the figures need; the benchmark process ends soon after.
/// </summary>
internal sealed class DomainSilo
{
    private DomainSilo(ServiceProvider services)
    {
        Runtime = services.GetRequiredService<GrainRuntime>();
    }

    public GrainRuntime Runtime { get; }

    public static async Task<DomainSilo> StartAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryGrainStorage();
        services.AddGrainRuntime(o => o.FlushInterval = TimeSpan.FromHours(1)).AddGrainAssembly(typeof(HealthProbeGrain).Assembly);
        services.AddVigilGrainServices();
        var silo = new DomainSilo(services.BuildServiceProvider());
        await silo.Runtime.StartAsync();
        return silo;
    }
}
