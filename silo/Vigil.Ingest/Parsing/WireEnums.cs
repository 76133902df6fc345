using Vigil.Grains.Contracts.Events;

namespace Vigil.Ingest.Parsing;

/// <summary>The wire names of every enum in contract v1, taken from <see cref="EventNames"/> where it defines them.</summary>
internal static class WireEnums
{
    public static WireEnum<EventType> Types { get; } = new(Enum.GetValues<EventType>().Select(t => (EventNames.Name(t), t)));

    public static WireEnum<Region> Regions { get; } = new(Enum.GetValues<Region>().Select(r => (r.ToString(), r)));

    public static WireEnum<Category> Categories { get; } = new(Enum.GetValues<Category>().Select(c => (EventNames.Name(c), c)));

    public static WireEnum<RoomEndReason> EndReasons { get; } = Lowercase<RoomEndReason>();

    public static WireEnum<ScoreSource> ScoreSources { get; } = Lowercase<ScoreSource>();

    public static WireEnum<ModerationAction> ModerationActions { get; } = new(Enum.GetValues<ModerationAction>().Select(a => (EventNames.Name(a), a)));

    public static WireEnum<DecisionStage> Stages { get; } = Lowercase<DecisionStage>();

    public static WireEnum<SessionAction> SessionActions { get; } = Lowercase<SessionAction>();

    public static WireEnum<ComplaintSeverity> Severities { get; } = Lowercase<ComplaintSeverity>();

    private static WireEnum<T> Lowercase<T>() where T : struct, Enum =>
        new(Enum.GetValues<T>().Select(v => (v.ToString().ToLowerInvariant(), v)));
}
