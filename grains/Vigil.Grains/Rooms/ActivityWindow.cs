namespace Vigil.Grains.Rooms;

/// <summary>
/// Counts and sums per minute of event time over the last <see cref="Minutes"/> minutes, in a fixed ring, for chat and
/// gift rates. A late event lands in its own minute if that minute is still in the window, and is dropped otherwise.
/// </summary>
public sealed class ActivityWindow
{
    public const int Minutes = 10;

    public long[] MinuteStamps { get; set; } = new long[Minutes];

    public double[] Counts { get; set; } = new double[Minutes];

    public double[] Sums { get; set; } = new double[Minutes];

    public void Add(DateTimeOffset at, double amount)
    {
        var minute = at.ToUnixTimeSeconds() / 60;
        var slot = (int)(minute % Minutes);
        if (MinuteStamps[slot] != minute)
        {
            if (MinuteStamps[slot] > minute)
            {
                return;
            }

            MinuteStamps[slot] = minute;
            Counts[slot] = 0;
            Sums[slot] = 0;
        }

        Counts[slot]++;
        Sums[slot] += amount;
    }

    /// <summary>Average count and sum per minute over the <paramref name="minutes"/> minutes before <paramref name="now"/>.</summary>
    public (double CountPerMinute, double SumPerMinute) Rate(DateTimeOffset now, int minutes = 5)
    {
        var current = now.ToUnixTimeSeconds() / 60;
        double count = 0, sum = 0;
        for (var i = 0; i < Minutes; i++)
        {
            if (MinuteStamps[i] > current - minutes && MinuteStamps[i] <= current)
            {
                count += Counts[i];
                sum += Sums[i];
            }
        }

        return (count / minutes, sum / minutes);
    }
}
