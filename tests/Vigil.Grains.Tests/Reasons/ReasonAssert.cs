using Vigil.Grains.Contracts.Reasons;

namespace Vigil.Grains.Tests.Reasons;

/// <summary>Checks that travel with every reason list: one detail per English text, each with a known code.</summary>
internal static class ReasonAssert
{
    public static void EveryReasonHasADetail(IReadOnlyList<string> reasons, IReadOnlyList<ReasonDetail> details)
    {
        Assert.NotEmpty(reasons);
        Assert.Equal(reasons.Count, details.Count);
        Assert.All(details, d => Assert.Contains(d.Code, ReasonCodes.All));
    }
}
