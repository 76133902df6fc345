using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.CodeGeneration.SampleInterfaces;

/// <summary>A counter: one method per generic return shape, read-only and timeout attributes, an inherited Reset.</summary>
public interface ICounterGrain : IResettableGrain
{
    ValueTask<int> Increment(int amount);

    [ReadOnly]
    Task<int> GetCount();

    [ReadOnly]
    [ResponseTimeout(2500)]
    ValueTask<string?> Describe(string? prefix);
}
