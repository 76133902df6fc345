using System.Text.Json.Serialization;
using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Feed;
using Vigil.Grains.Contracts.Incidents;

namespace Vigil.Dashboard.Live;

/// <summary>
/// One change as pushed to browsers: a feed item with its global sequence number. Built once per feed item and shared
/// by every connection that may see it; the internal members are what visibility and coalescing read, never sent.
/// </summary>
public sealed record LiveItem
{
    public required long Seq { get; init; }

    /// <summary><c>alert</c>, <c>heat</c>, <c>nudge</c> or <c>incident</c> (<see cref="LiveKind"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>What happened, as the grain said it: <c>raised</c>, <c>acknowledged</c>, <c>resolved</c>, ...</summary>
    public required string Change { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AlertSnapshot? Alert { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LiveHeat? Heat { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Nudge? Nudge { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IncidentSnapshot? Incident { get; init; }

    /// <summary>The feed's subject (alert id, <c>heat/MENA</c>, nudge id, incident id): items about one subject coalesce.</summary>
    internal string SubjectId { get; private init; } = "";

    /// <summary>One bit per <see cref="Region"/> the item belongs to (see <see cref="RegionBit"/>); 0 for none.</summary>
    internal uint Regions { get; private init; }

    /// <summary>The advisor who owns a nudge; null for other kinds.</summary>
    internal string? AdvisorId { get; private init; }

    internal static uint RegionBit(Region region) => 1u << (int)region;

    /// <summary>The wire item for a feed item, or null for a kind of feed item the dashboard does not push.</summary>
    internal static LiveItem? From(long seq, FeedItem item) => item switch
    {
        AlertChanged a => new LiveItem
        {
            Seq = seq, Kind = LiveKind.Alert, Change = a.Change, Alert = a.Alert,
            SubjectId = "alert/" + a.SubjectId, Regions = RegionBit(a.Alert.Region),
        },
        HeatListChanged h => new LiveItem
        {
            Seq = seq, Kind = LiveKind.Heat, Change = "changed", Heat = new LiveHeat(h.ListId, h.Top),
            SubjectId = h.SubjectId,

            // A list that is not a region's ("global") is for all-region viewers only: no region bit.
            Regions = Enum.TryParse<Region>(h.ListId, ignoreCase: false, out var region) && Enum.IsDefined(region) ? RegionBit(region) : 0,
        },
        NudgeChanged n => new LiveItem
        {
            Seq = seq, Kind = LiveKind.Nudge, Change = n.Change, Nudge = n.Nudge,
            SubjectId = "nudge/" + n.SubjectId, AdvisorId = n.Nudge.AdvisorId,
        },
        IncidentChanged i => new LiveItem
        {
            Seq = seq, Kind = LiveKind.Incident, Change = i.Change, Incident = i.Incident,
            SubjectId = "incident/" + i.SubjectId, Regions = RegionsOf(i.Incident.Regions),
        },
        _ => null,
    };

    private static uint RegionsOf(IReadOnlyList<Region> regions)
    {
        uint bits = 0;
        foreach (var region in regions)
        {
            bits |= RegionBit(region);
        }

        return bits;
    }
}
