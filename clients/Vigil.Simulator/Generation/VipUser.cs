using Vigil.Simulator.Truth;

namespace Vigil.Simulator.Generation;

/// <summary>A VIP (high spender) and the trajectory planned for them.</summary>
internal sealed class VipUser
{
    public required string Id { get; init; }

    public required RegionProfile Region { get; init; }

    public required string Lang { get; init; }

    /// <summary><c>loyal</c>, <c>drift</c> or <c>abrupt</c> (the ground-truth names).</summary>
    public required string Scenario { get; init; }

    public long? OnsetTicks { get; init; }

    public required double SessionsPerDay { get; init; }

    public required double SessionMinutes { get; init; }

    public required double SessionSpend { get; init; }

    /// <summary>Decay time of a drifting user's engagement, in days.</summary>
    public required double DriftDays { get; init; }

    /// <summary>Phase of a loyal user's weekly rhythm, so loyal users do not all peak on the same day.</summary>
    public required double WeeklyPhase { get; init; }

    public bool Churned(long ticks) => Scenario == VipScenarioTruth.Abrupt && ticks >= OnsetTicks;

    /// <summary>Engagement relative to the user's own baseline at <paramref name="ticks"/>: 1 steady, falling towards 0 when churning.</summary>
    public double Intensity(long ticks)
    {
        var days = (ticks - (OnsetTicks ?? 0)) / (double)TimeSpan.TicksPerDay;
        return Scenario switch
        {
            VipScenarioTruth.Drift when ticks >= OnsetTicks => Math.Max(0.03, Math.Exp(-days / DriftDays)),
            VipScenarioTruth.Abrupt when ticks >= OnsetTicks => 0,
            VipScenarioTruth.Loyal => 1 + 0.1 * Math.Sin(2 * Math.PI * ticks / (7.0 * TimeSpan.TicksPerDay) + WeeklyPhase),
            _ => 1,
        };
    }
}
