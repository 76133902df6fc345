using Vigil.Grains.Contracts.Heat;

namespace Vigil.Grains.Contracts.Feed;

/// <summary>A heat list's top rooms changed.</summary>
public sealed record HeatListChanged(string ListId, IReadOnlyList<HeatEntry> Top) : FeedItem
{
    public override string SubjectId => "heat/" + ListId;
}
