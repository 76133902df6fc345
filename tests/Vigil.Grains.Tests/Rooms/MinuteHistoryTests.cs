using System.Text.Json;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Rooms;

namespace Vigil.Grains.Tests.Rooms;

public sealed class MinuteHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly long StartMinute = MinuteHistory.MinuteOf(Start);

    [Fact]
    public void ChatAndGiftsAreBookedInTheMinuteOfTheirEventEvenWhenLate()
    {
        var history = new MinuteHistory();
        history.Sample(StartMinute + 5, 10, []);

        history.Book(Start.AddMinutes(5).AddSeconds(10), 1, 0);
        history.Book(Start.AddMinutes(2).AddSeconds(59), 1, 25.5);
        history.Book(Start.AddMinutes(2), 1, 0);

        var points = history.Points(StartMinute + 5, NoGauges);
        Assert.Equal((2, 25.5), (At(points, 2).ChatLines, At(points, 2).GiftValue));
        Assert.Equal(1, At(points, 5).ChatLines);
    }

    [Fact]
    public void AnEventOlderThanTheHourIsDropped()
    {
        var history = new MinuteHistory();
        history.Sample(StartMinute, 1, []);
        history.Sample(StartMinute + 70, 1, []);

        history.Book(Start.AddMinutes(10), 1, 100);

        var points = history.Points(StartMinute + 70, NoGauges);
        Assert.Equal(60, points.Count);
        Assert.All(points, p => Assert.Equal((0, 0.0), (p.ChatLines, p.GiftValue)));
    }

    [Fact]
    public void AMinutesRiskIsTheHighestSampledInIt()
    {
        var history = new MinuteHistory();

        history.Sample(StartMinute, 3, [KeyValuePair.Create(Category.Nudity, 0.2)]);
        history.Sample(StartMinute, 4, [KeyValuePair.Create(Category.Nudity, 0.9)]);
        history.Sample(StartMinute, 5, [KeyValuePair.Create(Category.Nudity, 0.5)]);

        var point = Assert.Single(history.Points(StartMinute, NoGauges));
        Assert.Equal(0.9, point.Risks[Category.Nudity]);
        Assert.Equal(5, point.Viewers);
    }

    [Fact]
    public void QuietMinutesAreFilledFromTheGaugesWhenCaughtUp()
    {
        var history = new MinuteHistory();
        history.Sample(StartMinute, 8, [KeyValuePair.Create(Category.Spam, 0.8)]);

        history.CatchUp(StartMinute + 3, m => (8, [KeyValuePair.Create(Category.Spam, 0.8 / (m - StartMinute + 1))]));

        var points = history.Points(StartMinute + 3, NoGauges);
        Assert.Equal([0.8, 0.4, 0.268, 0.2], points.Select(p => p.Risks[Category.Spam]));
        Assert.Equal(StartMinute + 3, history.Sampled);
    }

    [Fact]
    public void AYoungRoomsHistoryStartsWithTheRoom()
    {
        var history = new MinuteHistory();

        history.Sample(StartMinute, 1, []);
        history.Sample(StartMinute + 2, 1, []);

        Assert.Equal([Start, Start.AddMinutes(1), Start.AddMinutes(2)], history.Points(StartMinute + 2, NoGauges).Select(p => p.At));
    }

    [Fact]
    public void ACategoryWhoseRiskStayedZeroForAnHourIsForgotten()
    {
        var history = new MinuteHistory();
        history.Sample(StartMinute, 1, [KeyValuePair.Create(Category.Hate, 0.6)]);

        history.Sample(StartMinute + 61, 1, [KeyValuePair.Create(Category.Hate, 0.0)]);

        Assert.Empty(history.RiskCategories);
        Assert.Empty(history.Risks);
    }

    [Fact]
    public void AFadedRowLeavesTheOthersIntactAndItsSpaceIsReusedWithoutNewArrays()
    {
        var history = new MinuteHistory();
        history.Sample(StartMinute, 1, [KeyValuePair.Create(Category.Hate, 0.6), KeyValuePair.Create(Category.Spam, 0.4), KeyValuePair.Create(Category.Fraud, 0.2)]);
        for (var m = 1; m <= 61; m++)
        {
            history.Sample(StartMinute + m, 1, [KeyValuePair.Create(Category.Hate, 0.5), KeyValuePair.Create(Category.Spam, 0.0), KeyValuePair.Create(Category.Fraud, 0.3)]);
        }

        Assert.Equal([Category.Hate, Category.Fraud], history.RiskCategories);
        KeyValuePair<Category, double>[] risks = [KeyValuePair.Create(Category.Hate, 0.5), KeyValuePair.Create(Category.Fraud, 0.3), KeyValuePair.Create(Category.Violence, 0.7)];
        var before = GC.GetAllocatedBytesForCurrentThread();
        history.Sample(StartMinute + 62, 1, risks);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal([Category.Hate, Category.Fraud, Category.Violence], history.RiskCategories);
        var point = history.Points(StartMinute + 62, NoGauges)[^1];
        Assert.Equal(new Dictionary<Category, double> { [Category.Hate] = 0.5, [Category.Fraud] = 0.3, [Category.Violence] = 0.7 }, point.Risks);
        var earlier = history.Points(StartMinute + 62, NoGauges).Single(p => p.At == Start.AddMinutes(30));
        Assert.Equal(new Dictionary<Category, double> { [Category.Hate] = 0.5, [Category.Fraud] = 0.3, [Category.Violence] = 0 }, earlier.Risks);
    }

    [Fact]
    public void AFullHourWithSevenRiskyCategoriesStaysWithinOneAndAHalfKilobytes()
    {
        var history = new MinuteHistory();
        var categories = Enum.GetValues<Category>().Take(7).ToArray();

        for (var m = 0; m < 90; m++)
        {
            history.Book(Start.AddMinutes(m), 999, 123_456.75);
            history.Sample(StartMinute + m, 1_250_000, [.. categories.Select(c => KeyValuePair.Create(c, 0.123 + (m % 7 / 10.0)))]);
        }

        // Grain state is stored as JSON with the runtime's general defaults.
        var json = JsonSerializer.SerializeToUtf8Bytes(history, new JsonSerializerOptions(JsonSerializerDefaults.General));
        Assert.True(json.Length <= 1_536, $"The serialized history is {json.Length} bytes.");
        Assert.Equal(600 + (7 * 60), history.Activity.Length + history.Risks.Length);
        var restored = JsonSerializer.Deserialize<MinuteHistory>(json)!;
        Assert.Equal(history.Points(StartMinute + 89, NoGauges), restored.Points(StartMinute + 89, NoGauges), PointComparer.Instance);
    }

    private static (int, IEnumerable<KeyValuePair<Category, double>>) NoGauges(long minute) => throw new InvalidOperationException($"Minute {minute} was sampled.");

    private static Contracts.Rooms.RoomHistoryPoint At(IReadOnlyList<Contracts.Rooms.RoomHistoryPoint> points, int minute) =>
        points.Single(p => p.At == Start.AddMinutes(minute));

    private sealed class PointComparer : IEqualityComparer<Contracts.Rooms.RoomHistoryPoint>
    {
        public static readonly PointComparer Instance = new();

        public bool Equals(Contracts.Rooms.RoomHistoryPoint? x, Contracts.Rooms.RoomHistoryPoint? y) =>
            x is not null && y is not null && (x.At, x.Viewers, x.GiftValue, x.ChatLines) == (y.At, y.Viewers, y.GiftValue, y.ChatLines)
            && x.Risks.OrderBy(r => r.Key).SequenceEqual(y.Risks.OrderBy(r => r.Key));

        public int GetHashCode(Contracts.Rooms.RoomHistoryPoint obj) => obj.At.GetHashCode();
    }
}
