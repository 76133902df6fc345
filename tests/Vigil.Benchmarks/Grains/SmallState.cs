namespace Vigil.Benchmarks.Grains;

/// <summary>The persistent state of <see cref="SmallStateGrain"/>: one int.</summary>
public sealed class SmallState
{
    public int Value { get; set; }
}
