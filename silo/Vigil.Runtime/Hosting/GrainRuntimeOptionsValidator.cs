using Microsoft.Extensions.Options;

namespace Vigil.Runtime.Hosting;

/// <summary>Rejects runtime settings that cannot work, naming the configuration key and the value.</summary>
internal sealed class GrainRuntimeOptionsValidator : IValidateOptions<GrainRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainRuntimeOptions options)
    {
        var failures = new List<string>();
        RequirePositive(failures, nameof(options.DefaultIdleTimeout), options.DefaultIdleTimeout);
        RequirePositive(failures, nameof(options.CollectionInterval), options.CollectionInterval);
        RequirePositive(failures, nameof(options.CallTimeout), options.CallTimeout);
        RequirePositive(failures, nameof(options.TimeoutCheckInterval), options.TimeoutCheckInterval);
        RequirePositive(failures, nameof(options.FlushInterval), options.FlushInterval);
        if (options.MaxWriteBatchSize is < 1 or > 100_000)
        {
            failures.Add($"{GrainRuntimeOptions.SectionName}:{nameof(options.MaxWriteBatchSize)} must be between 1 and 100000 (was '{options.MaxWriteBatchSize}').");
        }

        if (options.GrainAssemblies.Count == 0)
        {
            failures.Add("No grain assemblies are configured: call AddGrainAssembly when registering the runtime.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{GrainRuntimeOptions.SectionName}:{key} must be a positive duration such as 00:00:30 (was '{value}').");
        }
    }
}
