using Microsoft.Extensions.Options;
using Serilog.Events;
using Vigil.Runtime.Hosting;

namespace Vigil.Silo.Hosting;

/// <summary>Reads and checks <see cref="SiloOptions"/> before anything else starts, because storage and logging depend on them.</summary>
public static class SiloOptionsReader
{
    public static SiloOptions Read(IConfiguration configuration)
    {
        SiloOptions options;
        try
        {
            options = configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();

            // Bound here only to surface conversion errors before start-up; the runtime binds its own copy.
            _ = configuration.GetSection(GrainRuntimeOptions.SectionName).Get<GrainRuntimeOptions>();
        }
        catch (InvalidOperationException exception)
        {
            // The binder's message names the key, the value and the expected type.
            throw new SiloConfigurationException(exception.Message, exception);
        }

        var failures = Validate(options);
        if (failures.Count > 0)
        {
            throw new SiloConfigurationException(string.Join(Environment.NewLine, failures));
        }

        return options;
    }

    private static List<string> Validate(SiloOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataPath) || options.DataPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Vigil:DataPath must be a folder path (was '{options.DataPath}').");
        }

        if (!options.Storage.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) && !options.Storage.Equals("Memory", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Vigil:Storage must be 'Sqlite' or 'Memory' (was '{options.Storage}').");
        }

        if (options.ShutdownTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Vigil:ShutdownTimeout must be a positive duration such as 00:02:00 (was '{options.ShutdownTimeout}').");
        }

        if (!Enum.TryParse<LogEventLevel>(options.LogLevel, ignoreCase: true, out _))
        {
            failures.Add($"Vigil:LogLevel must be one of {string.Join(", ", Enum.GetNames<LogEventLevel>())} (was '{options.LogLevel}').");
        }

        return failures;
    }

    /// <summary>Turns an options validation failure from start-up into the same kind of message.</summary>
    public static SiloConfigurationException FromValidation(OptionsValidationException exception) =>
        new(string.Join(Environment.NewLine, exception.Failures), exception);
}
