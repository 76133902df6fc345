using System.Buffers;
using System.Collections;
using System.Reflection;
using System.Text.Json;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Rooms;
using Vigil.Grains.Policy;
using Vigil.Grains.Rooms;
using Vigil.Grains.Tests.Infrastructure;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;

namespace Vigil.Grains.Tests.Rooms;

public sealed class LiveRoomStateCodecTests
{
    private static readonly IStateCodec<LiveRoomState> Codec = new LiveRoomStateCodec();
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EveryPropertyOfARoomSurvivesTheRoundTrip()
    {
        var room = FullRoom();
        AssertEverySettablePropertyIsSet(room, new LiveRoomState(), nameof(LiveRoomState));

        var decoded = Codec.Decode(Codec.Encode(room));

        Assert.Equal(Json(room), Json(decoded));
    }

    [Fact]
    public void ANewRoomSurvivesTheRoundTrip()
    {
        var room = new LiveRoomState();

        var payload = Codec.Encode(room);

        Assert.Equal(LiveRoomStateCodec.Version1, payload[0]);
        Assert.Equal(Json(room), Json(Codec.Decode(payload)));
    }

    [Fact]
    public void ARoomWithOpenAlertsInSeveralCategoriesSurvivesTheRoundTrip()
    {
        var room = new LiveRoomState();
        foreach (var e in Traffic("r-busy"))
        {
            RoomEvents.Apply(room, DefaultPolicy.Compiled, e);
        }

        room.Categories[Category.Nudity].OpenAlertId = "MENA-a-1";
        room.Categories[Category.MinorSafety].OpenAlertId = "MENA-a-2";
        room.History.Sample(MinuteHistory.MinuteOf(Start.AddMinutes(2)), room.Viewers, [new(Category.Nudity, 0.7), new(Category.MinorSafety, 0.9)]);

        var decoded = Codec.Decode(Codec.Encode(room));

        Assert.Equal(3, decoded.Categories.Count);
        Assert.Equal(["MENA-a-1", "MENA-a-2"], decoded.Categories.Values.Select(c => c.OpenAlertId).OfType<string>().Order());
        Assert.Equal(Json(room), Json(decoded));
    }

    [Fact]
    public void EncodingIntoAGrowingBufferWriterGivesTheSameBytes()
    {
        var room = FullRoom();
        var output = new ArrayBufferWriter<byte>(16);

        Codec.Encode(room, output);

        Assert.Equal(Codec.Encode(room), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void EveryTruncatedPayloadFailsAsInvalidDataNotWithAnIndexError()
    {
        var payload = Codec.Encode(FullRoom());

        for (var length = 0; length < payload.Length; length++)
        {
            var cut = payload[..length];
            var failure = Assert.Throws<InvalidDataException>(() => Codec.Decode(cut));
            Assert.Contains("truncated", failure.Message);
        }
    }

    [Fact]
    public void ATruncatedPayloadSaysWhichFieldRanOut()
    {
        var payload = Codec.Encode(new LiveRoomState { Title = "evening show" });

        // Version, null broadcaster, region, then the title's length prefix and the first three of its 12 bytes.
        var failure = Assert.Throws<InvalidDataException>(() => Codec.Decode(payload.AsSpan(0, 7)));

        Assert.Equal("LiveRoomState payload is truncated: Title needs 12 bytes at byte 4, but the payload ends after 7.", failure.Message);
    }

    [Fact]
    public void AnUnknownFormatVersionFailsNamingIt()
    {
        var payload = Codec.Encode(FullRoom());
        payload[0] = 2;

        var failure = Assert.Throws<InvalidDataException>(() => Codec.Decode(payload));

        Assert.Equal("LiveRoomState payload has format version 2; this build reads version 1.", failure.Message);
    }

    [Fact]
    public void AnUndefinedEnumValueFailsNamingTheField()
    {
        var payload = Codec.Encode(new LiveRoomState());
        payload[2] = 99;

        var failure = Assert.Throws<InvalidDataException>(() => Codec.Decode(payload));

        Assert.Equal("LiveRoomState payload is invalid at byte 2: Region is 99, which is no Region.", failure.Message);
    }

    [Fact]
    public void AnArrayOfTheWrongLengthFailsNamingItAndTheLengthThatBelongs()
    {
        var payload = Codec.Encode(new LiveRoomState { Gifts = new ActivityWindow { Sums = new double[12] } });

        var failure = Assert.Throws<InvalidDataException>(() => Codec.Decode(payload));

        Assert.Contains("Gifts.Sums has 12 values where 10 belong", failure.Message);
    }

    [Fact]
    public void AHistoryNamingARiskCategoryTwiceFailsNamingIt()
    {
        var payload = Codec.Encode(new LiveRoomState { History = new MinuteHistory { RiskCategories = [Category.Hate, Category.Hate], Risks = new byte[120] } });

        var failure = Assert.Throws<InvalidDataException>(() => Codec.Decode(payload));

        Assert.Contains("RiskCategories names Hate twice", failure.Message);
    }

    [Fact]
    public void BytesAfterTheEndOfTheStateAreAnError()
    {
        byte[] payload = [.. Codec.Encode(new LiveRoomState()), 0];

        var failure = Assert.Throws<InvalidDataException>(() => Codec.Decode(payload));

        Assert.Contains("1 unexpected bytes after its end", failure.Message);
    }

    [Fact]
    public async Task TheRoomGrainStoresItsStateInTheCodecAndReloadsItsAlertsAfterARestart()
    {
        var silo = await GrainTestSilo.StartAsync();
        var room = silo.Grain<ILiveRoomGrain>("r-restart");
        await room.Apply(Traffic("r-restart"));
        var before = await room.GetState();

        silo = await silo.RestartAsync();
        await using var _ = silo;
        var after = await silo.Grain<ILiveRoomGrain>("r-restart").GetState();

        var stored = await silo.Storage.ReadAsync(new GrainId("liveroom", "r-restart"), "room");
        Assert.Equal(LiveRoomStateCodec.Version1, stored!.Payload[0]);
        Assert.Equal(2, before.OpenAlertIds.Count);
        // The room-level State is the grain's own (not stored) until its next evaluation; everything stored must match.
        Assert.Equal(Json(before), Json(after with { State = before.State }));
    }

    [Fact]
    public async Task ARoomStoredAsJsonBeforeTheCodecExistedStillLoads()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var room = new LiveRoomState { BroadcasterId = "b-old", Title = "stored as JSON", StartedAt = Start, LatestEventAt = Start, ViewerBalance = 12, PeakViewers = 15 };
        await silo.Storage.WriteAsync(new GrainId("liveroom", "r-json"), "room", JsonSerializer.SerializeToUtf8Bytes(room), expectedEtag: null);

        var state = await silo.Grain<ILiveRoomGrain>("r-json").GetState();

        Assert.Equal(("b-old", "stored as JSON", 12, 15), (state.BroadcasterId, state.Title, state.Viewers, state.PeakViewers));
    }

    /// <summary>Two minutes of a room with sustained nudity scores and a burst of minor-safety reports: two open alerts, three categories.</summary>
    private static LiveEvent[] Traffic(string roomId) =>
    [
        Events.Started(roomId, "b-1", Start),
        .. Enumerable.Range(0, 5).Select(i => Events.Joined(roomId, Start.AddSeconds(i))),
        .. Enumerable.Range(0, 12).Select(i => Events.Score(roomId, Category.Nudity, 0.93, Start.AddSeconds(10 * i))),
        .. Enumerable.Range(0, 25).Select(i => Events.Report(roomId, Category.MinorSafety, Start.AddSeconds(i))),
        Events.Score(roomId, Category.Spam, 0.2, Start.AddSeconds(100)),
        Events.Chat(roomId, "hello", "en", Start.AddSeconds(110)),
    ];

    /// <summary>
    /// A room in which every settable property, at every depth, holds something other than a new instance's value
    /// (checked by <see cref="AssertEverySettablePropertyIsSet"/>), with timestamps at offsets other than zero.
    /// </summary>
    private static LiveRoomState FullRoom()
    {
        var at = new DateTimeOffset(2026, 11, 22, 21, 30, 15, TimeSpan.FromHours(3)).AddTicks(1_234_567);
        return new LiveRoomState
        {
            BroadcasterId = "b-7",
            Region = Region.SEA,
            Title = "Sunset – ليلة سعيدة 🎶",
            Lang = "ar",
            StartedAt = at.AddMinutes(-30),
            EndedAt = at.ToOffset(TimeSpan.FromMinutes(-330)),
            ViewerBalance = -3,
            PeakViewers = 1250,
            LatestEventAt = at.AddSeconds(-1),
            Chat = Window(1),
            Gifts = Window(2),
            Follows = Window(3),
            Categories = new()
            {
                [Category.Nudity] = Entry(1, at, "MENA-a-1"),
                [Category.Gambling] = Entry(2, at.ToUniversalTime(), "MENA-a-2"),
            },
            History = new MinuteHistory
            {
                Newest = 29_400_000,
                Sampled = 29_399_990,
                First = 29_399_950,
                Activity = [.. Enumerable.Range(0, 600).Select(i => (byte)((i % 251) + 1))],
                RiskCategories = [Category.Hate, Category.Violence],
                Risks = [.. Enumerable.Range(0, 120).Select(i => (byte)(i + 3))],
            },
        };
    }

    private static ActivityWindow Window(int seed) => new()
    {
        MinuteStamps = [.. Enumerable.Range(0, ActivityWindow.Minutes).Select(i => 29_400_000L + (seed * 100) + i)],
        Counts = [.. Enumerable.Range(0, ActivityWindow.Minutes).Select(i => seed + i + 0.5)],
        Sums = [.. Enumerable.Range(0, ActivityWindow.Minutes).Select(i => (seed * 1000.125) + (i / 3.0))],
    };

    private static RoomCategory Entry(int seed, DateTimeOffset at, string alertId) => new()
    {
        Evidence = new CategoryEvidence(
            new DecayingValue(0.1 * seed, at.AddSeconds(seed)),
            new DecayingValue(2.5 * seed, at.AddSeconds(2 * seed)),
            new DecayingValue(1.0 / (seed + 2), at.AddSeconds(3 * seed)),
            EvidenceCount: 40 + seed),
        PeakScore = 0.9 + (seed / 100.0),
        State = RoomState.Escalated,
        OpenAlertId = alertId,
        ReportedEvidence = 30 + seed,
        EvidenceAtResolve = 10 + seed,
        LastRisk = 0.75 + (seed / 1000.0),
    };

    /// <summary>
    /// Fails naming the first public settable property, at any depth (nested objects, dictionary values), that still
    /// holds what a new instance holds: a property added to the state later fails here until <see cref="FullRoom"/>
    /// sets it, and then the round trip fails until the codec encodes it.
    /// </summary>
    private static void AssertEverySettablePropertyIsSet(object value, object initial, string path)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var name = path + "." + property.Name;
            var actual = property.GetValue(value);
            var fresh = property.GetValue(initial);
            Assert.True(Json(actual) != Json(fresh), $"{name} holds the value a new instance has; give it another in FullRoom so the round trip covers it.");
            if (actual is RoomCategories categories)
            {
                foreach (var (category, entry) in categories)
                {
                    AssertEverySettablePropertyIsSet(entry, new RoomCategory(), $"{name}[{category}]");
                }
            }
            else if (actual is not null && IsVigilObject(property.PropertyType))
            {
                AssertEverySettablePropertyIsSet(actual, fresh ?? Activator.CreateInstance(property.PropertyType)!, name);
            }
        }
    }

    private static bool IsVigilObject(Type type) =>
        !type.IsEnum && !type.IsArray && type.Namespace?.StartsWith("Vigil.", StringComparison.Ordinal) == true;

    private static string Json(object? value) => JsonSerializer.Serialize(value);
}
