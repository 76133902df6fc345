using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Ingest.Configuration;

namespace Vigil.Ingest.Tests.Configuration;

public sealed class IngestOptionsValidatorTests
{
    private readonly IngestOptionsValidator _validator = new();

    [Fact]
    public void DefaultsWithOneKeyAreValidAndMatchTheContract()
    {
        var options = new IngestOptions { ApiKeys = ["a-long-enough-producer-key"] };

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.Equal((10_000, 16L * 1024 * 1024, TimeSpan.FromMinutes(5), TimeSpan.FromHours(24)), (options.MaxEvents, options.MaxBytes, options.MaxFutureSkew, options.DedupRetention));
    }

    [Fact]
    public void NoApiKeyIsValidSoTheSiloStartsWithHttpIngestClosed()
    {
        var result = _validator.Validate(null, new IngestOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void ShortApiKeyIsNamedByPositionWithoutShowingIt()
    {
        var result = _validator.Validate(null, new IngestOptions { ApiKeys = ["a-long-enough-producer-key", "short-secret"] });

        Assert.Contains("Vigil:Ingest:ApiKeys:1 must be at least 16 characters", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("was a 12-character value, not shown", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(IngestOptions.MaxEvents), "Vigil:Ingest:MaxEvents must be between 1 and 1000000 (was '0').")]
    [InlineData(nameof(IngestOptions.MaxBytes), "Vigil:Ingest:MaxBytes must be between 1024 and 268435456 bytes (was '-1').")]
    [InlineData(nameof(IngestOptions.MaxFutureSkew), "Vigil:Ingest:MaxFutureSkew must be a duration between 00:00:00 and 1.00:00:00 such as 00:05:00 (was '-00:01:00').")]
    [InlineData(nameof(IngestOptions.DedupRetention), "Vigil:Ingest:DedupRetention must be between 1.00:00:00 and 30.00:00:00; the contract promises at least 24 hours of idempotency (was '12:00:00').")]
    public void BadLimitIsReportedWithItsKeyAndValue(string setting, string message)
    {
        var options = new IngestOptions { ApiKeys = ["a-long-enough-producer-key"] };
        switch (setting)
        {
            case nameof(IngestOptions.MaxEvents): options.MaxEvents = 0; break;
            case nameof(IngestOptions.MaxBytes): options.MaxBytes = -1; break;
            case nameof(IngestOptions.MaxFutureSkew): options.MaxFutureSkew = TimeSpan.FromMinutes(-1); break;
            default: options.DedupRetention = TimeSpan.FromHours(12); break;
        }

        var result = _validator.Validate(null, options);

        Assert.Equal([message], result.Failures);
    }

    [Fact]
    public async Task HostWithABadSettingFailsToStartWithTheMessage()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Vigil:Ingest:MaxEvents"] = "0" });
        builder.AddVigilIngest();
        await using var app = builder.Build();

        // MapIngest reads the settings already (to warn when no key is set), so either step may be the one that fails.
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            app.MapIngest();
            await app.StartAsync();
        });

        Assert.Equal(["Vigil:Ingest:MaxEvents must be between 1 and 1000000 (was '0')."], failure.Failures);
    }
}
