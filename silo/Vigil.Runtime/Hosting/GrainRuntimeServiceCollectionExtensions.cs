using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Vigil.Runtime.Diagnostics;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Storage.Memory;

namespace Vigil.Runtime.Hosting;

/// <summary>Registers the grain runtime in a service collection.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the runtime, bound to <c>Vigil:Runtime</c> when configuration is present, validated at start-up.
    /// A storage provider must be added too (<see cref="AddMemoryGrainStorage"/>, or SQLite).
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeOptions>? configure = null)
    {
        var options = services.AddOptions<GrainRuntimeOptions>().BindConfiguration(GrainRuntimeOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrainRuntimeOptions>, GrainRuntimeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RuntimeMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<GrainRuntime>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddHostedService<GrainRuntimeHostedService>();
        return services;
    }

    /// <summary>Adds the assembly that holds grain classes.</summary>
    public static IServiceCollection AddGrainAssembly(this IServiceCollection services, Assembly assembly) =>
        services.Configure<GrainRuntimeOptions>(o => o.GrainAssemblies.Add(assembly));

    /// <summary>Uses in-memory grain storage (tests and throwaway silos: nothing survives the process).</summary>
    public static IServiceCollection AddMemoryGrainStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<IGrainStorage, MemoryGrainStorage>();
        return services;
    }
}
