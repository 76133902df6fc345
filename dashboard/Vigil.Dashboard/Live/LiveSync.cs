using Microsoft.Extensions.Logging;
using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Heat;
using Vigil.Grains.Contracts.Incidents;
using Vigil.Runtime.Grains;

namespace Vigil.Dashboard.Live;

/// <summary>
/// Gives a connection its starting point: a snapshot read from the grains, or on resume the items it missed. Either way
/// the sequence is taken before anything is read, and the connection's stream restarts right after it.
/// </summary>
public sealed class LiveSync(IGrainFactory grains, LiveSequencer sequencer, LiveMetrics metrics, ILogger<LiveSync> logger)
{
    /// <summary>The incident desk's key (one desk for every region).</summary>
    public const string IncidentDeskKey = "global";

    /// <summary>The heat list of every region together, for all-region callers only.</summary>
    public const string GlobalHeatList = "global";

    /// <summary>How many rooms of each heat list a snapshot carries: as many as a heat list publishes.</summary>
    public const int HeatTop = 50;

    public async Task<LiveSnapshot> Snapshot(LiveConnection connection)
    {
        var snapshot = await Read(connection.Audience);
        connection.StartAfter(snapshot.Sequence);
        return snapshot;
    }

    public async Task<LiveResume> Resume(LiveConnection connection, long afterSequence)
    {
        if (sequencer.TryReadSince(afterSequence, connection.Audience, out var sequence, out var items))
        {
            connection.StartAfter(sequence);
            metrics.Resync("resume");
            logger.LogDebug("Live connection {ConnectionId} resumed after {After} with {Count} items up to {Sequence}", connection.Id, afterSequence, items.Count, sequence);
            return new LiveResume(sequence, items, null);
        }

        var snapshot = await Snapshot(connection);
        metrics.Resync("resume_snapshot");
        logger.LogInformation("Live connection {ConnectionId} asked to resume after {After}, no longer held; sent a snapshot at {Sequence}", connection.Id, afterSequence, snapshot.Sequence);
        return new LiveResume(snapshot.Sequence, null, snapshot);
    }

    /// <summary>Everything <paramref name="audience"/> may see, read after taking the current sequence.</summary>
    public async Task<LiveSnapshot> Read(LiveAudience audience)
    {
        // The sequence first: a change that lands while the grains are read is both in the snapshot and pushed after
        // it, and the client keeps whichever has the higher version; taken the other way round, it could be lost.
        var sequence = sequencer.Current;
        var regions = Enum.GetValues<Region>().Where(audience.CanSeeRegion).ToArray();
        var alerts = audience.SeesSafety ? ReadAlerts(regions) : Task.FromResult<IReadOnlyList<AlertSnapshot>>([]);
        var heat = audience.SeesSafety ? ReadHeat(regions, audience.AllRegions) : Task.FromResult<IReadOnlyList<LiveHeat>>([]);
        var nudges = ReadNudges(audience);
        var incidents = audience.SeesSafety ? ReadIncidents(audience) : Task.FromResult<IReadOnlyList<IncidentSnapshot>>([]);
        return new LiveSnapshot(sequence, await alerts, await heat, await nudges, await incidents);
    }

    private async Task<IReadOnlyList<AlertSnapshot>> ReadAlerts(Region[] regions)
    {
        var lists = await Task.WhenAll(regions.Select(r => grains.GetGrain<IAlertCenterGrain>(r.ToString()).List(null, null)));
        return lists.SelectMany(l => l).Where(a => a.Status != AlertStatus.Resolved).OrderBy(a => a.Severity).ThenBy(a => a.RaisedAt).ToArray();
    }

    private async Task<IReadOnlyList<LiveHeat>> ReadHeat(Region[] regions, bool allRegions)
    {
        var listIds = regions.Select(r => r.ToString()).Concat(allRegions ? [GlobalHeatList] : []).ToArray();
        var tops = await Task.WhenAll(listIds.Select(id => grains.GetGrain<IHeatListGrain>(id).Top(HeatTop)));
        return listIds.Select((id, i) => new LiveHeat(id, tops[i])).ToArray();
    }

    private async Task<IReadOnlyList<Nudge>> ReadNudges(LiveAudience audience)
    {
        IEnumerable<string> advisors;
        if (audience.SeesAllNudges)
        {
            var loads = await Task.WhenAll(Enum.GetValues<Region>().Select(r => grains.GetGrain<IAdvisorDirectoryGrain>(r.ToString()).GetAdvisors()));
            advisors = loads.SelectMany(l => l).Select(l => l.AdvisorId).Append(audience.AdvisorId).OfType<string>().Distinct(StringComparer.Ordinal);
        }
        else if (audience.AdvisorId is { } own)
        {
            advisors = [own];
        }
        else
        {
            return [];
        }

        var inboxes = await Task.WhenAll(advisors.Select(id => grains.GetGrain<IAdvisorGrain>(id).GetNudges()));
        return inboxes.SelectMany(n => n).OrderByDescending(n => n.Risk).ToArray();
    }

    private async Task<IReadOnlyList<IncidentSnapshot>> ReadIncidents(LiveAudience audience)
    {
        IIncidentDeskGrain desk;
        try
        {
            desk = grains.GetGrain<IIncidentDeskGrain>(IncidentDeskKey);
        }
        catch (ArgumentException exception)
        {
            // A silo without the incident grains (an older build) still serves alerts, heat and nudges.
            logger.LogWarning(exception, "No incident desk in this silo; live snapshots carry no incidents");
            return [];
        }

        var incidents = await desk.List(includeResolved: false);
        return incidents.Where(i => audience.CanSeeRegions(i.Regions)).ToArray();
    }
}
