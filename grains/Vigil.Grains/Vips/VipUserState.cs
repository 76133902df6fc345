using System.Text.Json.Serialization;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Vips;

namespace Vigil.Grains.Vips;

/// <summary>
/// The persistent state of <see cref="VipUserGrain"/>. Every user who gifts or watches has one, so it stays small:
/// the day ring and the dictionaries are allocated on first use.
/// </summary>
public sealed class VipUserState
{
    /// <summary>Region of the user's latest event.</summary>
    public Region? Region { get; set; }

    /// <summary>Region of the directory whose roster holds the user, once assigned.</summary>
    public Region? DirectoryRegion { get; set; }

    public string? AdvisorId { get; set; }

    public VipTier? AssignedTier { get; set; }

    /// <summary>Ring of <see cref="EngagementLedger.RetainedDays"/> days, slot = day number modulo the ring size.</summary>
    [JsonConverter(typeof(DayRingJsonConverter))]
    public DayBucket[]? Days { get; set; }

    public DateTimeOffset? FirstSeenAt { get; set; }

    /// <summary>Latest app session or viewing event.</summary>
    public DateTimeOffset? LastSessionAt { get; set; }

    public DateTimeOffset? LastGiftAt { get; set; }

    public DateTimeOffset? LastSurveyAt { get; set; }

    public int? LastSurveyScore { get; set; }

    /// <summary>Room id -> viewer.joined time still waiting for its viewer.left.</summary>
    public Dictionary<string, DateTimeOffset>? OpenViews { get; set; }

    /// <summary>Room id -> viewer.left time that arrived before its viewer.joined (events may come out of order).</summary>
    public Dictionary<string, DateTimeOffset>? EarlyLeaves { get; set; }

    /// <summary>Ticket id -> opened time.</summary>
    public Dictionary<string, DateTimeOffset>? OpenComplaints { get; set; }

    /// <summary>Ticket id -> resolved time, so a resolution that arrives before its complaint still closes it.</summary>
    public Dictionary<string, DateTimeOffset>? ResolvedTickets { get; set; }

    public NudgeTrack? Nudge { get; set; }

    public int NudgesSent { get; set; }

    /// <summary>The latest win-back (a session and a gift after an advisor's contact).</summary>
    public DateTimeOffset? WonBackAt { get; set; }
}
