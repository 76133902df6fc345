using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>A grain whose stored state says on which thread it was serialized: for tests of where snapshots are taken.</summary>
public interface ISnapshotThreadGrain : IGrainWithStringKey
{
    /// <summary>Changes the state, so the next flush snapshots it.</summary>
    Task Touch();
}
