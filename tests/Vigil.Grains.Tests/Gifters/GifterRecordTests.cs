using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Gifters;
using Vigil.Grains.Gifters;

namespace Vigil.Grains.Tests.Gifters;

public sealed class GifterRecordTests
{
    private const int Today = 739_000;

    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GiftsOnOneDayAddUpAndTheLatestGiftsRegionIsKept()
    {
        var record = default(GifterRecord);

        record.Add(Today, 10, Noon, Region.MENA);
        record.Add(Today, 5, Noon.AddHours(-1), Region.NA);
        record.Add(Today, 2.5, Noon.AddHours(1), Region.LATAM);

        Assert.Equal([new GiftDay(Today, 3, 17.5, Noon.AddHours(1))], record.ToArray());
        Assert.Equal(Region.LATAM, record.Region);
    }

    [Fact]
    public void DaysStayInDateOrderWhateverOrderGiftsArriveIn()
    {
        var record = default(GifterRecord);

        foreach (var day in new[] { 5, 1, 9, 3, 7, 2, 8, 4, 6 })
        {
            record.Add(Today - 10 + day, day, Noon.AddDays(day - 10), Region.NA);
        }

        record.Add(Today - 7, 100, Noon.AddDays(-7), Region.MENA);

        Assert.Equal(Enumerable.Range(1, 9).Select(d => Today - 10 + d), record.ToArray().Select(d => d.Day));
        Assert.Equal(103, record[2].Coins);
        Assert.Equal(Region.NA, record.Region); // the MENA gift was not the latest
        Assert.Equal(Today - 1, record.NewestDay);
        Assert.Equal(9 + 8 + 7, record.SpendSince(Today - 3));
    }

    [Fact]
    public void DaysOutOfTheRetainedWindowAreDroppedFromTheFront()
    {
        var record = default(GifterRecord);
        for (var day = 0; day < GifterRecord.RetainedDays + 5; day++)
        {
            record.Add(Today + day, 1, Noon.AddDays(day), Region.NA);
        }

        record.Add(Today, 1, Noon, Region.MENA); // older than the window: booked and dropped at once

        Assert.Equal(GifterRecord.RetainedDays, record.Count);
        Assert.Equal(Today + 5, record[0].Day);
        Assert.Equal(Today + GifterRecord.RetainedDays + 4, record.NewestDay);
        Assert.Equal(Region.NA, record.Region);
    }

    [Fact]
    public void AnEmptyRecordHasNoDays()
    {
        var record = default(GifterRecord);

        Assert.Empty(record.ToArray());
        Assert.Equal(int.MinValue, record.NewestDay);
        Assert.Equal(0, record.SpendSince(int.MinValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => record[0]);
    }
}
