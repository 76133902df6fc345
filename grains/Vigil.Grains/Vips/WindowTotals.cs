namespace Vigil.Grains.Vips;

/// <summary>
/// A user's engagement summed over a window of days. <see cref="CoveredDays"/> counts only the days since the user was
/// first seen, so a newcomer's "average day" is not diluted by days before they existed.
/// </summary>
public readonly record struct WindowTotals(double Spend, int Gifts, int Sessions, double Minutes, int CoveredDays)
{
    public double SpendPerDay => CoveredDays == 0 ? 0 : Spend / CoveredDays;

    public double SessionsPerDay => CoveredDays == 0 ? 0 : (double)Sessions / CoveredDays;

    public double MinutesPerDay => CoveredDays == 0 ? 0 : Minutes / CoveredDays;
}
