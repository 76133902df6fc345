using Vigil.Grains.Policy;

namespace Vigil.Grains.Rooms;

/// <summary>A room's evidence and alert bookkeeping for one category.</summary>
public sealed class RoomCategory
{
    public CategoryEvidence Evidence { get; set; }

    public double PeakScore { get; set; }

    public RoomState State { get; set; }

    /// <summary>The alert raised for this category while it is open.</summary>
    public string? OpenAlertId { get; set; }

    /// <summary>Evidence count when the alert center was last told, so unchanged evidence is not sent again.</summary>
    public int ReportedEvidence { get; set; }

    /// <summary>Evidence count when a person resolved the last alert: a new alert needs evidence beyond it.</summary>
    public int EvidenceAtResolve { get; set; } = -1;

    public double LastRisk { get; set; }
}
