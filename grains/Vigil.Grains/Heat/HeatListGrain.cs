using Vigil.Grains.Contracts.Feed;
using Vigil.Grains.Contracts.Heat;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Timers;

namespace Vigil.Grains.Heat;

/// <summary>
/// The top rooms by heat for one region (or <c>global</c>). Rooms report as their heat changes; every refresh period
/// the list is re-ranked and, when the top changed, published on the live feed. Held in memory only: rooms report
/// again within seconds after a restart.
/// </summary>
public sealed class HeatListGrain(ILiveFeed feed) : Grain, IHeatListGrain
{
    public const int PublishedTop = 50;

    /// <summary>How often the list re-ranks; rooms report no more often than this.</summary>
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(3);

    private readonly Dictionary<string, HeatEntry> _rooms = new(StringComparer.Ordinal);
    private HeatEntry[] _ranked = [];
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        RegisterGrainTimer(_ => Refresh(), new GrainTimerCreationOptions(RefreshPeriod, RefreshPeriod, KeepAlive: true));
        return Task.CompletedTask;
    }

    public Task Report(HeatEntry entry, bool live)
    {
        if (live)
        {
            _rooms[entry.RoomId] = entry;
        }
        else
        {
            _rooms.Remove(entry.RoomId);
        }

        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<HeatEntry>> Top(int count)
    {
        if (_dirty)
        {
            Rank();
        }

        return Task.FromResult<IReadOnlyList<HeatEntry>>(_ranked.Take(count).ToArray());
    }

    private Task Refresh()
    {
        if (!_dirty)
        {
            return Task.CompletedTask;
        }

        var before = _ranked.Take(PublishedTop).ToArray();
        Rank();
        var after = _ranked.Take(PublishedTop).ToArray();
        if (!before.SequenceEqual(after))
        {
            feed.Publish(new HeatListChanged(GetPrimaryKeyString(), after) { At = TimeProvider.GetUtcNow() });
        }

        return Task.CompletedTask;
    }

    private void Rank()
    {
        _ranked = _rooms.Values.OrderByDescending(e => e.Heat).ThenBy(e => e.RoomId, StringComparer.Ordinal).ToArray();
        _dirty = false;
    }
}
