using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Storage.Memory;

namespace Vigil.Runtime.Tests.Infrastructure;

/// <summary>
/// A grain runtime over in-memory storage (or a given one), with real or fake time, for one test; <c>register</c> adds
/// services the test's grains or the runtime should find (a state codec, say).
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestSilo(ServiceProvider services)
    {
        _services = services;
        Runtime = services.GetRequiredService<GrainRuntime>();
    }

    public GrainRuntime Runtime { get; }

    public IGrainStorage Storage => _services.GetRequiredService<IGrainStorage>();

    public static async Task<TestSilo> StartAsync(
        TimeProvider? time = null,
        IGrainStorage? storage = null,
        Action<GrainRuntimeOptions>? configure = null,
        ILoggerProvider? logs = null,
        Action<IServiceCollection>? register = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(b =>
        {
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton(storage ?? new MemoryGrainStorage());
        register?.Invoke(services);
        services.AddGrainRuntime(configure).AddGrainAssembly(typeof(TestSilo).Assembly);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var silo = new TestSilo(provider);
        await silo.Runtime.StartAsync();
        return silo;
    }

    public T Grain<T>(string key) where T : IGrainWithStringKey => Runtime.GetGrain<T>(key);

    public async ValueTask DisposeAsync()
    {
        // Some tests leave a grain hung on purpose; like a host's shutdown timeout, this bounds the wait for it.
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Runtime.StopAsync(shutdown.Token);
        await _services.DisposeAsync();
    }
}
