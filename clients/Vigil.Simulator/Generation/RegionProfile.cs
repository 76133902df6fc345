using Vigil.Grains.Contracts.Events;

namespace Vigil.Simulator.Generation;

/// <summary>A platform region as the world sees it: share of rooms, languages spoken, local clock for the evening peak.</summary>
internal sealed record RegionProfile(Region Region, double Weight, double UtcOffsetHours, string[] Languages, double[] LanguageWeights)
{
    public static readonly IReadOnlyList<RegionProfile> All =
    [
        new(Region.MENA, 0.30, 3, ["ar", "en"], [0.85, 0.15]),
        new(Region.NA, 0.18, -5, ["en", "es"], [0.85, 0.15]),
        new(Region.LATAM, 0.20, -4, ["es", "en"], [0.9, 0.1]),
        new(Region.EU, 0.10, 1, ["en", "es", "ar"], [0.7, 0.2, 0.1]),
        new(Region.SEA, 0.12, 8, ["en"], [1.0]),
        new(Region.SA, 0.10, 5.5, ["en", "ar"], [0.9, 0.1]),
    ];

    public static readonly IReadOnlyList<double> Weights = All.Select(r => r.Weight).ToArray();

    public string PickLanguage(SimRandom random) => Languages[random.PickWeighted(LanguageWeights)];

    /// <summary>Audience multiplier by local hour: about 1.0 at 21:00 local, 0.4 before dawn.</summary>
    public double Diurnal(long utcTicks)
    {
        var hours = new TimeSpan(utcTicks).TotalHours + UtcOffsetHours;
        return 0.7 + 0.3 * Math.Cos(2 * Math.PI * (hours - 21) / 24);
    }
}
