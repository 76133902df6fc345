using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Grains.Feed;
using Vigil.Grains.Policy;
using Vigil.Grains.Vips;
using Vigil.Runtime;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Storage.Memory;

namespace Vigil.Grains.Tests.Infrastructure;

/// <summary>
/// A grain runtime hosting Vigil's grains over in-memory storage and a fake clock, with the live feed and the default
/// policy, for one test. <see cref="RestartAsync"/> stops it (every grain deactivated, every state written) and starts a
/// new one over the same storage and clock.
/// </summary>
public sealed class GrainTestSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Action<VipOptions>? _vips;
    private readonly string? _policyJson;

    private GrainTestSilo(ServiceProvider services, FakeTimeProvider time, Action<VipOptions>? vips, string? policyJson)
    {
        _services = services;
        _vips = vips;
        _policyJson = policyJson;
        Time = time;
        Runtime = services.GetRequiredService<GrainRuntime>();
    }

    public FakeTimeProvider Time { get; }

    public GrainRuntime Runtime { get; }

    public LiveFeed Feed => _services.GetRequiredService<LiveFeed>();

    public PolicyStore Policies => _services.GetRequiredService<PolicyStore>();

    public IGrainStorage Storage => _services.GetRequiredService<IGrainStorage>();

    /// <summary>
    /// Starts a silo with <paramref name="policyJson"/> (the default policy when null) active. Advisors' daily portfolio
    /// re-assessment is off unless <paramref name="vips"/> turns it on, so a test's own calls are all that nudges.
    /// </summary>
    public static async Task<GrainTestSilo> StartAsync(
        FakeTimeProvider? time = null, Action<VipOptions>? vips = null, string? policyJson = null, IGrainStorage? storage = null)
    {
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(storage ?? new MemoryGrainStorage());
        services.AddGrainRuntime(o =>
        {
            // Tests move the fake clock by days: checking timeouts and flushing once a fake minute keeps that cheap.
            o.TimeoutCheckInterval = TimeSpan.FromMinutes(1);
            o.FlushInterval = TimeSpan.FromMinutes(1);
        }).AddGrainAssembly(typeof(VipUserGrain).Assembly);
        services.AddSingleton(sp => new PolicyStore(sp.GetRequiredService<TimeProvider>(), policyJson ?? DefaultPolicy.Json, "test"));
        services.AddVigilGrainServices();
        services.AddOptions<VipOptions>().Configure(o =>
        {
            o.PortfolioReassessInterval = TimeSpan.Zero;
            vips?.Invoke(o);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var silo = new GrainTestSilo(provider, time, vips, policyJson);
        await silo.Runtime.StartAsync();
        return silo;
    }

    public T Grain<T>(string key) where T : IGrainWithStringKey => Runtime.GetGrain<T>(key);

    /// <summary>Stops this silo (deactivating every grain, writing its state) and starts a fresh one on the same storage.</summary>
    public async Task<GrainTestSilo> RestartAsync()
    {
        var storage = Storage;
        await DisposeAsync();
        return await StartAsync(Time, _vips, _policyJson, storage);
    }

    public async ValueTask DisposeAsync()
    {
        // A test may leave a grain mid-turn; like a host's shutdown timeout, this bounds the wait for it.
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Runtime.StopAsync(shutdown.Token);
        await _services.DisposeAsync();
    }
}
