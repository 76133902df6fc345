using Vigil.Runtime.Grains;

namespace Vigil.Grains.Contracts.Heat;

/// <summary>The top rooms by heat, one grain per region plus <c>global</c>, refreshed every few seconds.</summary>
public interface IHeatListGrain : IGrainWithStringKey
{
    /// <summary>A room's latest heat; <paramref name="entry"/> with heat 0 and not live removes it.</summary>
    [OneWay]
    Task Report(HeatEntry entry, bool live);

    [ReadOnly]
    Task<IReadOnlyList<HeatEntry>> Top(int count);
}
