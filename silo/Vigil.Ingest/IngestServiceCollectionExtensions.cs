using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Vigil.Ingest.Configuration;
using Vigil.Ingest.Deduplication;
using Vigil.Ingest.Delivery;
using Vigil.Ingest.Diagnostics;
using Vigil.Ingest.Http;

namespace Vigil.Ingest;

/// <summary>Registers event ingest; map the endpoint with <see cref="IngestEndpoints.MapIngest"/>.</summary>
public static class IngestServiceCollectionExtensions
{
    /// <summary>Adds ingest to a host: <c>builder.AddVigilIngest(); ... app.MapIngest();</c>.</summary>
    public static IHostApplicationBuilder AddVigilIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddVigilIngest();
        return builder;
    }

    /// <summary>
    /// Adds <see cref="IngestOptions"/> bound to <c>Vigil:Ingest</c> and validated at start-up, the de-duplicator and its journal,
    /// metrics, the <see cref="EventIngestor"/> and the request handler. Events go to <see cref="GrainEventSink"/> (which needs the grain runtime)
    /// unless an <see cref="IEventSink"/> was registered before.
    /// </summary>
    public static IServiceCollection AddVigilIngest(this IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EventDeduplicator>();
        services.AddHostedService<DedupJournal>();
        services.TryAddSingleton(sp => new IngestMetrics(sp.GetRequiredService<EventDeduplicator>(), sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(_ => new BulkLane(Environment.ProcessorCount));
        services.TryAddSingleton<IEventSink, GrainEventSink>();
        services.TryAddSingleton<EventIngestor>();
        services.TryAddSingleton<IngestRequestHandler>();
        return services;
    }
}
