namespace Vigil.Grains.Contracts.Gifters;

/// <summary>One UTC day of a user's gifts: <see cref="DateOnly.DayNumber"/>, how many, their coins, and the latest one's time.</summary>
public readonly record struct GiftDay(int Day, int Gifts, double Coins, DateTimeOffset LatestAt);
