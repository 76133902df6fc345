namespace Vigil.Grains.Contracts.Events;

/// <summary>Whether a moderation decision was taken during the live session or after it.</summary>
public enum DecisionStage
{
    Live,
    Post,
}
