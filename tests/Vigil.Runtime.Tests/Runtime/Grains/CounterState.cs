namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>The persistent state of <see cref="PersistentCounterGrain"/>.</summary>
public sealed class CounterState
{
    public int Value { get; set; }
}
