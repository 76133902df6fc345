namespace Vigil.Grains.Contracts.Events;

/// <summary>What a human moderator decided (<c>moderation.decision</c> <c>action</c>), mildest first.</summary>
public enum ModerationAction
{
    None,
    Warn,
    Mute,
    EndStream,
    Suspend,
    Ban,
}
