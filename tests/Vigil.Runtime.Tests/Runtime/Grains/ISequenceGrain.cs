using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>Records what each caller sent, in arrival order, to check per-caller FIFO delivery.</summary>
public interface ISequenceGrain : IGrainWithStringKey
{
    [OneWay]
    Task Append(string caller, int number);

    Task AppendAndWait(string caller, int number);

    Task<IReadOnlyList<int>> Received(string caller);
}
