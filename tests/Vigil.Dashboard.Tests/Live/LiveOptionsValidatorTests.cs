using Vigil.Dashboard.Live;

namespace Vigil.Dashboard.Tests.Live;

/// <summary>Live-push settings that cannot work are refused at start-up, naming the key and the value.</summary>
public sealed class LiveOptionsValidatorTests
{
    [Fact]
    public void TheDefaultsAreValid()
    {
        Assert.True(new LiveOptionsValidator().Validate(null, new LiveOptions()).Succeeded);
    }

    [Fact]
    public void AZeroBatchIntervalAndATinyRingAreRefusedByName()
    {
        var result = new LiveOptionsValidator().Validate(null, new LiveOptions { BatchInterval = TimeSpan.Zero, RingCapacity = 3 });

        Assert.True(result.Failed);
        Assert.Contains("Vigil:Live:BatchInterval", result.FailureMessage);
        Assert.Contains("Vigil:Live:RingCapacity", result.FailureMessage);
        Assert.Contains("(was 3)", result.FailureMessage);
    }
}
