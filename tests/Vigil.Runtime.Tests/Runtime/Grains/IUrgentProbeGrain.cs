using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>An <see cref="UrgentAttribute"/> grain that says on which thread its turns run: for tests of the urgent lane.</summary>
public interface IUrgentProbeGrain : IGrainWithStringKey
{
    /// <summary>The name of the thread this turn runs on.</summary>
    Task<string?> ThreadName();

    /// <summary>The thread this turn started on, and the one it continued on after awaiting a call to a plain grain.</summary>
    Task<string?[]> ThreadNamesAroundACallTo(string plainGrain);

    /// <summary>Counts a call, noting whether another turn of this grain was running meanwhile.</summary>
    Task<TallyReading> Tally();
}
