using Serilog;
using Serilog.Events;
using Vigil.Grains;
using Vigil.Grains.Health;
using Vigil.Ingest.Configuration;
using Vigil.Runtime.Hosting;
using Vigil.Runtime.Sqlite;
using Vigil.Simulator;

namespace Vigil.Silo.Hosting;

/// <summary>Wires the silo: logging, the grain runtime, storage and the HTTP endpoints.</summary>
public static class SiloBuilderExtensions
{
    public const string DefaultUrl = "http://localhost:5080";

    public static SiloOptions AddVigilSilo(this WebApplicationBuilder builder)
    {
        var options = SiloOptionsReader.Read(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            // Neither ASPNETCORE_URLS nor --urls was given: the documented default.
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddVigilLogging(options);
        builder.Services.AddSingleton(options);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.AddGrainRuntime().AddGrainAssembly(typeof(HealthProbeGrain).Assembly);
        builder.Services.AddVigilGrainServices();
        builder.Services.AddSingleton<PolicyWatcherHostedService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PolicyWatcherHostedService>());
        builder.Services.AddSingleton(ReadSimulatorOptions(builder.Configuration));
        builder.Services.AddHostedService<EmbeddedSimulatorService>();
        if (options.Storage.Equals("Memory", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddMemoryGrainStorage();
        }
        else
        {
            builder.Services.AddSqliteGrainStorage(options.GrainStateFile);

            // Durable state, so durable idempotency: a producer's retry after a restart is still a duplicate.
            builder.Services.PostConfigure<IngestOptions>(ingest =>
            {
                if (string.IsNullOrEmpty(ingest.DedupJournalPath))
                {
                    ingest.DedupJournalPath = options.DedupJournalFolder;
                }
            });
        }

        return options;
    }

    private static SimulatorOptions ReadSimulatorOptions(IConfiguration configuration)
    {
        try
        {
            var simulator = configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>() ?? new SimulatorOptions();
            if (simulator.Enabled)
            {
                simulator.ThrowIfInvalid();
            }

            return simulator;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            throw new SiloConfigurationException(exception.Message, exception);
        }
    }

    private static void AddVigilLogging(this WebApplicationBuilder builder, SiloOptions options)
    {
        var level = Enum.Parse<LogEventLevel>(options.LogLevel, ignoreCase: true);
        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(Log.Logger, dispose: true);
    }
}
