using Microsoft.Extensions.Logging;
using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Vips;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;

namespace Vigil.Grains.Advisors;

/// <summary>
/// A region's roster of VIP -> advisor and the advisors' loads. It calls advisors (and waits) but reaches VIPs only by
/// one-way calls, because a VIP waits on this grain when it asks for an advisor.
/// </summary>
public sealed class AdvisorDirectoryGrain(
    [PersistentState("directory")] IPersistentState<AdvisorDirectoryState> directory,
    ILogger<AdvisorDirectoryGrain> logger) : Grain, IAdvisorDirectoryGrain
{
    private Region _region;

    private AdvisorDirectoryState State => directory.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = GetPrimaryKeyString();
        _region = Enum.GetNames<Region>().Contains(key, StringComparer.Ordinal)
            ? Enum.Parse<Region>(key)
            : throw new ArgumentException($"Advisor directories are keyed by region ({string.Join(", ", Enum.GetNames<Region>())}); '{key}' is not one.");
        return Task.CompletedTask;
    }

    public Task AddAdvisor(string advisorId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(advisorId);
        if (State.Advisors.TryAdd(advisorId, 0))
        {
            directory.MarkDirty();
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AdvisorLoad>> GetAdvisors()
    {
        IReadOnlyList<AdvisorLoad> loads = State.Advisors
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new AdvisorLoad(p.Key, p.Value))
            .ToArray();
        return Task.FromResult(loads);
    }

    public Task<VipAssignment?> GetAssignment(string userId) => Task.FromResult(State.Vips.GetValueOrDefault(userId));

    public async Task<VipAssignment?> AssignLeastLoaded(string userId)
    {
        if (State.Vips.TryGetValue(userId, out var existing))
        {
            return existing;
        }

        if (State.Advisors.Count == 0)
        {
            return null;
        }

        var advisorId = State.Advisors.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
        var assignment = new VipAssignment { UserId = userId, AdvisorId = advisorId, Region = _region, Automatic = true };
        Record(assignment);
        await Advisor(advisorId).AddVips([userId]);
        return assignment;
    }

    public async Task<VipAssignment> Assign(string userId, string advisorId, VipTier? tier)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(advisorId);
        var assignment = new VipAssignment { UserId = userId, AdvisorId = advisorId, Tier = tier, Region = _region };
        if (Record(assignment) is { } previous && previous.AdvisorId != advisorId)
        {
            await Advisor(previous.AdvisorId).RemoveVips([userId]);
        }

        await Advisor(advisorId).AddVips([userId]);
        logger.LogInformation("VIP {UserId} assigned to advisor {AdvisorId} of {Region} by an admin", userId, advisorId, _region);
        return assignment;
    }

    public async Task<RosterImportResult> ImportRoster(string csv)
    {
        var (entries, errors) = RosterCsv.Parse(csv, _region);
        var added = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var removed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var previous = Record(entry);
            Collect(added, entry.AdvisorId, entry.UserId);
            if (previous is not null && previous.AdvisorId != entry.AdvisorId)
            {
                Collect(removed, previous.AdvisorId, entry.UserId);
            }
        }

        await Task.WhenAll(removed.Select(p => Advisor(p.Key).RemoveVips(p.Value)).Concat(added.Select(p => Advisor(p.Key).AddVips(p.Value))));
        foreach (var entry in entries)
        {
            // One-way: the VIP may itself be waiting on this grain for an advisor.
            _ = GrainFactory.GetGrain<IVipUserGrain>(entry.UserId).AcceptAssignment(entry);
        }

        logger.LogInformation("Roster import into {Region}: {Applied} lines applied, {Rejected} rejected", _region, entries.Count, errors.Count);
        return new RosterImportResult { Applied = entries.Count, Errors = errors, AppliedUserIds = entries.Select(e => e.UserId).ToArray() };
    }

    /// <summary>Puts the assignment in the roster and moves the load; returns the assignment it replaced.</summary>
    private VipAssignment? Record(VipAssignment assignment)
    {
        if (State.Vips.TryGetValue(assignment.UserId, out var previous))
        {
            State.Advisors[previous.AdvisorId]--;
        }

        State.Vips[assignment.UserId] = assignment;
        State.Advisors[assignment.AdvisorId] = State.Advisors.GetValueOrDefault(assignment.AdvisorId) + 1;
        directory.MarkDirty();
        return previous;
    }

    private static void Collect(Dictionary<string, List<string>> byAdvisor, string advisorId, string userId)
    {
        if (!byAdvisor.TryGetValue(advisorId, out var userIds))
        {
            byAdvisor[advisorId] = userIds = [];
        }

        userIds.Add(userId);
    }

    private IAdvisorGrain Advisor(string advisorId) => GrainFactory.GetGrain<IAdvisorGrain>(advisorId);
}
