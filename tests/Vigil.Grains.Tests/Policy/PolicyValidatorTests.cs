using System.Text.Json.Nodes;
using Vigil.Grains.Policy;

namespace Vigil.Grains.Tests.Policy;

public sealed class PolicyValidatorTests
{
    [Fact]
    public void TheDefaultPolicyIsValid()
    {
        var errors = PolicyValidator.Validate(DefaultPolicy.Json, out var document);

        Assert.Empty(errors);
        Assert.NotNull(document);
    }

    [Fact]
    public void AThresholdOutOfRangeIsReportedWithItsJsonPath()
    {
        var json = PolicyText.Default(2, p => p["thresholds"]!["minor_safety"]!["alert"] = 1.7);

        var errors = PolicyValidator.Validate(json, out var document);

        Assert.Null(document);
        Assert.Contains("thresholds.minor_safety.alert: must be between 0 and 1 (was 1.7)", errors);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var json = PolicyText.Default(2, p =>
        {
            p["thresholds"]!["hate"]!["watch"] = 0.8; // above its alert 0.70
            p["thresholds"]!.AsObject().Remove("spam");
            p["decay"]!["userReportHalfLifeSeconds"] = 0;
            p["sla"]!["p2Seconds"] = 30;
            p["churn"]!["weights"]!["lowSatisfaction"] = 5;
            p["keywords"]!["en"]!["drugs"]!.AsArray().Add("COCAINE");
        });

        var errors = PolicyValidator.Validate(json, out _);

        Assert.Equal(
            [
                "churn.weights: must add up to 100 (was 95)",
                "decay.userReportHalfLifeSeconds: must be between 1 and 604800 seconds (was 0)",
                "keywords.en.drugs[3]: duplicate of keywords.en.drugs[0] after normalisation ('cocaine')",
                "sla.p2Seconds: must be at least sla.p1Seconds 60 (was 30)",
                "thresholds.hate.alert: must be above thresholds.hate.watch 0.8 (was 0.7)",
                "thresholds.spam: missing; every category needs an entry",
            ],
            errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void APolicyThatMakesStrongChildSafetyEvidenceLessThanP1IsRejected()
    {
        var json = PolicyText.Default(2, p => p["severity"]!["minor_safety"]!["p1"] = null);

        var errors = PolicyValidator.Validate(json, out _);

        Assert.Equal(["severity.minor_safety.p1: must be set; contract v1 makes minor_safety with strong evidence P1"], errors);
    }

    [Fact]
    public void ARegionOverrideIsCheckedUnderItsOwnPath()
    {
        var json = PolicyText.Default(2, p => p["regionOverrides"]!["MARS"] = new JsonObject());

        var errors = PolicyValidator.Validate(json, out _);

        Assert.Equal(["regionOverrides.MARS: unknown region; expected one of MENA, NA, LATAM, EU, SEA, SA, OTHER"], errors);
    }

    [Fact]
    public void AMisspelledPropertyIsReportedRatherThanIgnored()
    {
        var json = PolicyText.Default(2, p => p["thresholds"]!["hate"]!["alret"] = 0.5);

        var errors = PolicyValidator.Validate(json, out _);

        var error = Assert.Single(errors);
        Assert.StartsWith("thresholds.hate.alret: unknown property 'alret'", error);
    }

    [Fact]
    public void AValueOfTheWrongTypeIsReportedWithItsPath()
    {
        var json = PolicyText.Default(2, p => p["sla"]!["p1Seconds"] = "one minute");

        var errors = PolicyValidator.Validate(json, out _);

        Assert.StartsWith("sla.p1Seconds: must be a whole number (line ", Assert.Single(errors));
    }

    [Fact]
    public void AMissingRequiredPropertyIsNamed()
    {
        var json = PolicyText.Default(2, p => p["thresholds"]!["hate"]!.AsObject().Remove("alert"));

        var errors = PolicyValidator.Validate(json, out _);

        Assert.StartsWith("thresholds.hate: missing required properties 'alert'", Assert.Single(errors));
    }

    [Fact]
    public void MalformedJsonIsRejectedWithItsLine()
    {
        var errors = PolicyValidator.Validate("{\n  \"version\": 2,\n  \"thresholds\": {", out _);

        Assert.Matches(@"\(line \d+\)$", Assert.Single(errors));
    }
}
