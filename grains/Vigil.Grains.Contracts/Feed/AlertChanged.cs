using Vigil.Grains.Contracts.Alerts;

namespace Vigil.Grains.Contracts.Feed;

/// <summary>An alert was raised, updated with new evidence, acknowledged, assigned, escalated or resolved.</summary>
public sealed record AlertChanged(AlertSnapshot Alert, string Change) : FeedItem
{
    public override string SubjectId => Alert.Id;
}
