namespace Vigil.Grains.Contracts.Vips;

/// <summary>One UTC day of a VIP: gift coins spent, gifts sent, app sessions started, and minutes in the app and in rooms.</summary>
public sealed record VipHistoryDay(DateOnly Day, double Spend, int Gifts, int Sessions, double Minutes);
