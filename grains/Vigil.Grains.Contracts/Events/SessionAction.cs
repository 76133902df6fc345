namespace Vigil.Grains.Contracts.Events;

/// <summary>Start or end of a user's app session.</summary>
public enum SessionAction
{
    Start,
    End,
}
