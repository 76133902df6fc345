using Microsoft.Extensions.Options;

namespace Vigil.Dashboard.Live;

/// <summary>Refuses live-push settings that cannot work, naming the key and the bad value.</summary>
public sealed class LiveOptionsValidator : IValidateOptions<LiveOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveOptions options)
    {
        var failures = new List<string>();
        if (options.BatchInterval <= TimeSpan.Zero || options.BatchInterval > TimeSpan.FromSeconds(5))
        {
            failures.Add($"{LiveOptions.SectionName}:BatchInterval must be between 0 and 5 seconds (was {options.BatchInterval}).");
        }

        if (options.RingCapacity is < 16 or > 1 << 22)
        {
            failures.Add($"{LiveOptions.SectionName}:RingCapacity must be between 16 and {1 << 22} (was {options.RingCapacity}).");
        }

        if (options.ConnectionQueueCapacity is < 1 or > 1 << 20)
        {
            failures.Add($"{LiveOptions.SectionName}:ConnectionQueueCapacity must be between 1 and {1 << 20} (was {options.ConnectionQueueCapacity}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
