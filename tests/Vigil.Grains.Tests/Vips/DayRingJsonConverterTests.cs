using System.Text.Json;
using Vigil.Grains.Vips;

namespace Vigil.Grains.Tests.Vips;

public sealed class DayRingJsonConverterTests
{
    private static readonly int Today = new DateOnly(2026, 11, 22).DayNumber;

    [Fact]
    public void StateStoredInTheEarlierSixtySlotFormIsReadIntoTheSameSlots()
    {
        var slots = Enumerable.Range(0, EngagementLedger.RetainedDays)
            .Select(slot => slot == Today % EngagementLedger.RetainedDays
                ? """{"Day":__DAY__,"GiftCoins":12.5,"Gifts":2,"ViewingMinutes":45,"Sessions":3,"SessionMinutes":30,"ComplaintsOpened":1,"ComplaintsResolved":0,"Surveys":1,"SurveyScoreSum":4}""".Replace("__DAY__", Today.ToString(), StringComparison.Ordinal)
                : """{"Day":0,"GiftCoins":0,"Gifts":0,"ViewingMinutes":0,"Sessions":0,"SessionMinutes":0,"ComplaintsOpened":0,"ComplaintsResolved":0,"Surveys":0,"SurveyScoreSum":0}""");
        var json = """{"Days":[""" + string.Join(',', slots) + "]}";

        var state = JsonSerializer.Deserialize<VipUserState>(json)!;

        var bucket = state.Days![Today % EngagementLedger.RetainedDays];
        Assert.Equal((Today, 12.5, 2, 45.0, 3, 30.0, 1, 0, 1, 4), (bucket.Day, bucket.GiftCoins, bucket.Gifts, bucket.ViewingMinutes, bucket.Sessions, bucket.SessionMinutes, bucket.ComplaintsOpened, bucket.ComplaintsResolved, bucket.Surveys, bucket.SurveyScoreSum));
        Assert.Equal(1, state.Days.Count(d => d.Day != 0));
    }

    [Fact]
    public void OnlyDaysInUseAreWrittenAndTheyReadBackUnchanged()
    {
        var state = new VipUserState { Days = new DayBucket[EngagementLedger.RetainedDays] };
        state.Days[Today % EngagementLedger.RetainedDays] = new DayBucket { Day = Today, GiftCoins = 0.1, Gifts = 1, Sessions = 2 };
        state.Days[(Today - 1) % EngagementLedger.RetainedDays] = new DayBucket { Day = Today - 1, ViewingMinutes = 12.25 };

        var json = JsonSerializer.Serialize(state);
        var read = JsonSerializer.Deserialize<VipUserState>(json)!;

        Assert.Contains("""{"Day":__DAY__,"GiftCoins":0.1,"Gifts":1,"Sessions":2}""".Replace("__DAY__", Today.ToString(), StringComparison.Ordinal), json, StringComparison.Ordinal);
        Assert.Equal(state.Days, read.Days);
    }

    [Fact]
    public void DailyCountersSaturateInsteadOfWrappingAround()
    {
        var bucket = new DayBucket { Sessions = 5_000, ComplaintsOpened = 40, SurveyScoreSum = 300, Gifts = 70_000 };

        Assert.Equal((1_023, 31, 255, 65_535), (bucket.Sessions, bucket.ComplaintsOpened, bucket.SurveyScoreSum, bucket.Gifts));
    }
}
