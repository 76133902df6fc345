namespace Vigil.Grains.Contracts.Events;

/// <summary>Violation categories of contract v1; wire names are snake_case (see <see cref="EventNames"/>).</summary>
public enum Category
{
    Nudity,
    Sexual,
    Violence,
    SelfHarm,
    MinorSafety,
    Hate,
    Harassment,
    Gambling,
    Drugs,
    Weapons,
    Fraud,
    Spam,
    Copyright,
    Other,
}
