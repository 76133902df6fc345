using Vigil.Grains.Contracts.Events;

namespace Vigil.Simulator.Generation;

/// <summary>Contract wire names of the enums <see cref="EventNames"/> does not cover (all are lower-case member names).</summary>
internal static class Wire
{
    public static string Name(RoomEndReason reason) => reason.ToString().ToLowerInvariant();

    public static string Name(ScoreSource source) => source.ToString().ToLowerInvariant();

    public static string Name(SessionAction action) => action.ToString().ToLowerInvariant();

    public static string Name(DecisionStage stage) => stage.ToString().ToLowerInvariant();

    public static string Name(ComplaintSeverity severity) => severity.ToString().ToLowerInvariant();
}
