using Vigil.Runtime.Grains;

namespace Vigil.Benchmarks.Grains;

/// <summary>A grain with one small persistent state, to measure idle activations and write-behind.</summary>
public interface ISmallStateGrain : IGrainWithStringKey
{
    /// <summary>Does nothing; calling it activates the grain and loads its state.</summary>
    ValueTask Wake();

    /// <summary>Changes the state and marks it dirty for the next write-behind flush.</summary>
    ValueTask Touch();
}
