using Microsoft.Extensions.Options;

namespace Vigil.Ingest.Configuration;

/// <summary>
/// Rejects ingest settings that cannot work, naming the configuration key and the value. API keys are secrets, so
/// a bad key is described by its position and length, never echoed.
/// </summary>
public sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    /// <summary>Shorter keys can be guessed; 16 characters of a random key are already far beyond that.</summary>
    public const int MinApiKeyLength = 16;

    /// <summary>The body is held in one array while it is parsed, so it must stay well below the array limit.</summary>
    public const long MaxBytesCeiling = 256L * 1024 * 1024;

    private const string Section = IngestOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var failures = new List<string>();
        // No key is a valid setting: HTTP ingest then refuses every request (MapIngest logs a warning), while an
        // in-process producer such as the embedded simulator still uses EventIngestor.
        var keys = options.ApiKeys ?? [];
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i] ?? "";
            if (key.Length < MinApiKeyLength || key.Trim().Length != key.Length)
            {
                failures.Add($"{Section}:ApiKeys:{i} must be at least {MinApiKeyLength} characters without surrounding spaces (was a {key.Length}-character value, not shown).");
            }
        }

        if (options.MaxEvents is < 1 or > 1_000_000)
        {
            failures.Add($"{Section}:MaxEvents must be between 1 and 1000000 (was '{options.MaxEvents}').");
        }

        if (options.MaxBytes < 1024 || options.MaxBytes > MaxBytesCeiling)
        {
            failures.Add($"{Section}:MaxBytes must be between 1024 and {MaxBytesCeiling} bytes (was '{options.MaxBytes}').");
        }

        if (options.MaxFutureSkew < TimeSpan.Zero || options.MaxFutureSkew > TimeSpan.FromDays(1))
        {
            failures.Add($"{Section}:MaxFutureSkew must be a duration between 00:00:00 and 1.00:00:00 such as 00:05:00 (was '{options.MaxFutureSkew}').");
        }

        if (options.DedupCheckpointInterval < TimeSpan.FromMilliseconds(100) || options.DedupCheckpointInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Section}:DedupCheckpointInterval must be between 00:00:00.1 and 00:10:00 (was '{options.DedupCheckpointInterval}').");
        }

        if (options.DedupRetention < TimeSpan.FromHours(24) || options.DedupRetention > TimeSpan.FromDays(30))
        {
            failures.Add($"{Section}:DedupRetention must be between 1.00:00:00 and 30.00:00:00; the contract promises at least 24 hours of idempotency (was '{options.DedupRetention}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
