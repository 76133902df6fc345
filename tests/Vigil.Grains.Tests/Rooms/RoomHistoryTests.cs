using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Rooms;
using Vigil.Grains.Tests.Infrastructure;

namespace Vigil.Grains.Tests.Rooms;

public sealed class RoomHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheHistoryHasOnePointPerMinuteWithViewersChatGiftsAndRisk()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var room = silo.Grain<ILiveRoomGrain>("r-hist");
        await room.Apply([Events.Started("r-hist", "b-1", Start), Events.Joined("r-hist", Start), Events.Joined("r-hist", Start)]);

        await room.Apply([Events.Chat("r-hist", "hello", "en", Start.AddMinutes(1)), Gift("r-hist", 40, Start.AddMinutes(1).AddSeconds(5))]);
        await room.Apply([Events.Score("r-hist", Category.Nudity, 0.9, Start.AddMinutes(2)), Events.Joined("r-hist", Start.AddMinutes(2))]);

        var history = await room.GetHistory();
        Assert.Equal("r-hist", history.RoomId);
        Assert.Equal([Start, Start.AddMinutes(1), Start.AddMinutes(2)], history.Points.Select(p => p.At));
        Assert.Equal([2, 2, 3], history.Points.Select(p => p.Viewers));
        Assert.Equal((1, 40.0), (history.Points[1].ChatLines, history.Points[1].GiftValue));
        Assert.Equal(0.855, history.Points[2].Risks[Category.Nudity], 2);
    }

    [Fact]
    public async Task AQuietRoomsRiskKeepsDecayingInItsHistory()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var room = silo.Grain<ILiveRoomGrain>("r-quiet");
        await room.Apply([Events.Started("r-quiet", "b-1", Start), Events.Score("r-quiet", Category.Spam, 0.8, Start)]);

        // Spam stays below Watch, so no timer samples the room: the minutes are filled from its unchanged evidence.
        silo.Time.Advance(TimeSpan.FromMinutes(4));
        var history = await room.GetHistory();

        var spam = history.Points.Select(p => p.Risks[Category.Spam]).ToArray();
        Assert.Equal(5, spam.Length);
        Assert.Equal(0.76, spam[0], 2);
        Assert.Equal(0.38, spam[2], 2);
        Assert.True(spam.Zip(spam.Skip(1)).All(pair => pair.First > pair.Second), string.Join(", ", spam));
    }

    [Fact]
    public async Task TheHistoryCoversOnlyTheLastHour()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var room = silo.Grain<ILiveRoomGrain>("r-hour");
        await room.Apply([Events.Started("r-hour", "b-1", Start)]);

        for (var minute = 1; minute <= 90; minute++)
        {
            await room.Apply([Events.Chat("r-hour", "hi", "en", Start.AddMinutes(minute))]);
        }

        var history = await room.GetHistory();
        Assert.Equal(60, history.Points.Count);
        Assert.Equal(Start.AddMinutes(31), history.Points[0].At);
        Assert.All(history.Points, p => Assert.Equal(1, p.ChatLines));
    }

    [Fact]
    public async Task TheHistorySurvivesARestart()
    {
        var silo = await GrainTestSilo.StartAsync();
        await silo.Grain<ILiveRoomGrain>("r-kept").Apply([Events.Started("r-kept", "b-1", Start), Gift("r-kept", 75, Start)]);

        silo = await silo.RestartAsync();
        await using var _ = silo;

        var point = Assert.Single((await silo.Grain<ILiveRoomGrain>("r-kept").GetHistory()).Points);
        Assert.Equal(75, point.GiftValue);
    }

    [Fact]
    public async Task AnAlertCarriesTheRoomsViewersTitleAndRiskTrend()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var room = silo.Grain<ILiveRoomGrain>("r-tile");
        await room.Apply([Events.Started("r-tile", "b-1", Start) with { Title = "<img src=x onerror=alert(1)>" }, Events.Joined("r-tile", Start)]);

        for (var i = 0; i < 25; i++)
        {
            await room.Apply([Events.Score("r-tile", Category.Violence, 0.7 + (i * 0.01), Start.AddSeconds(10 * (i + 1)))]);
        }

        var alert = Assert.Single(await silo.Grain<IAlertCenterGrain>("MENA").List(AlertStatus.Open, null), a => a.RoomId == "r-tile");
        Assert.Equal((1, "<img src=x onerror=alert(1)>"), (alert.Viewers, alert.Title));
        Assert.Equal(AlertSnapshot.TrendLength, alert.Trend.Count);
        Assert.All(alert.Trend, r => Assert.InRange(r, 0, 1));
        Assert.True(alert.Trend[^1] > alert.Trend[0], string.Join(", ", alert.Trend));
    }

    private static LiveEvent Gift(string room, double value, DateTimeOffset at) => Events.Chat(room, "x", "en", at) with
    {
        Type = EventType.GiftSent,
        Text = null,
        BroadcasterId = "b-1",
        GiftId = "rose",
        Value = value,
    };
}
