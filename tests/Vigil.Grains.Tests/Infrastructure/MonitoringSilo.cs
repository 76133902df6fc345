using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Grains.Policy;
using Vigil.Grains.Rooms;
using Vigil.Runtime;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Hosting;

namespace Vigil.Grains.Tests.Infrastructure;

/// <summary>A grain runtime hosting Vigil's monitoring grains over in-memory storage and a fake clock.</summary>
public sealed class MonitoringSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private MonitoringSilo(ServiceProvider services, FakeTimeProvider time)
    {
        _services = services;
        Time = time;
        Runtime = services.GetRequiredService<GrainRuntime>();
    }

    public FakeTimeProvider Time { get; }

    public GrainRuntime Runtime { get; }

    public PolicyStore Policies => _services.GetRequiredService<PolicyStore>();

    public static async Task<MonitoringSilo> StartAsync(FakeTimeProvider? time = null)
    {
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        // Coarse runtime sweeps: tests move the fake clock by days, and every sweep is a timer callback to run.
        services.AddGrainRuntime(o =>
        {
            o.TimeoutCheckInterval = TimeSpan.FromSeconds(30);
            o.FlushInterval = TimeSpan.FromSeconds(30);
        }).AddGrainAssembly(typeof(LiveRoomGrain).Assembly).AddMemoryGrainStorage();
        services.AddVigilGrainServices();
        var provider = services.BuildServiceProvider();
        var silo = new MonitoringSilo(provider, time);
        await silo.Runtime.StartAsync();
        return silo;
    }

    public T Grain<T>(string key) where T : IGrainWithStringKey => Runtime.GetGrain<T>(key);

    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync();
        await _services.DisposeAsync();
    }
}
