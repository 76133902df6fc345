namespace Vigil.Grains.Contracts.Events;

/// <summary>Which classifier produced a <c>moderation.score</c>.</summary>
public enum ScoreSource
{
    Video,
    Audio,
    Chat,
    Image,
}
