namespace Vigil.Grains.Contracts.Feed;

/// <summary>
/// Something the dashboard pushes to people: an alert change, a heat-list change, a nudge. Items about the same
/// subject (<see cref="SubjectId"/>: an alert id, a region's heat list, a nudge id) are published in order.
/// </summary>
public abstract record FeedItem
{
    /// <summary>What the item is about, e.g. an alert id; ordering is guaranteed per subject.</summary>
    public abstract string SubjectId { get; }

    public required DateTimeOffset At { get; init; }
}
