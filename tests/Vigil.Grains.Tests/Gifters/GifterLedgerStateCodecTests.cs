using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Gifters;
using Vigil.Grains.Gifters;
using Vigil.Grains.Persistence;
using Vigil.Runtime.Persistence;

namespace Vigil.Grains.Tests.Gifters;

public sealed class GifterLedgerStateCodecTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 18, 5, 0, TimeSpan.FromHours(3));

    private static readonly ulong User1 = GifterPartitions.IdHash("u-1");

    [Fact]
    public void AStateRoundTripsWithEveryField()
    {
        var state = new GifterLedgerState { PrunedOnDay = 739_000 };
        state.Users[User1] = GifterRecord.Of(Region.LATAM, [new GiftDay(738_990, 2, 150.5, At), new GiftDay(739_000, 1, 40, At.AddDays(10))]);
        state.Users[7] = GifterRecord.Of(Region.MENA, [new GiftDay(739_000, 3, 12, At)]);
        state.Claimed.UnionWith([GifterPartitions.IdHash("u-claimed"), ulong.MaxValue]);

        var decoded = RoundTrip(state);

        Assert.Equal(739_000, decoded.PrunedOnDay);
        Assert.Equal(Region.LATAM, decoded.Users[User1].Region);
        Assert.Equal(state.Users[User1].ToArray(), decoded.Users[User1].ToArray());
        Assert.Equal(Region.MENA, decoded.Users[7].Region);
        Assert.Equal(state.Users[7].ToArray(), decoded.Users[7].ToArray());
        Assert.Equal(state.Claimed.Order(), decoded.Claimed.Order());
        Assert.Equal(new ulong[] { 7, User1 }.Order(), decoded.Users.Keys.Order());
    }

    [Fact]
    public void AVersion1PayloadWithUserIdsLoadsKeyedByTheirHashes()
    {
        // Version 1 as the ledger wrote it before it kept users by hash: the id string where version 2 has the hash.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new PayloadWriter(buffer);
        writer.WriteByte(GifterLedgerStateCodec.Version1);
        writer.WriteInt32(739_000);
        writer.WriteCount(1);
        writer.WriteString("u-1");
        writer.WriteEnum(Region.NA);
        WriteDays(ref writer, new GiftDay(738_999, 1, 5, At), new GiftDay(739_000, 2, 9.5, At.AddDays(1)));

        writer.WriteCount(0);
        writer.Flush();

        var decoded = new GifterLedgerStateCodec().Decode(buffer.WrittenSpan);

        Assert.Equal([User1], decoded.Users.Keys);
        Assert.Equal(Region.NA, decoded.Users[User1].Region);
        Assert.Equal([new GiftDay(738_999, 1, 5, At), new GiftDay(739_000, 2, 9.5, At.AddDays(1))], decoded.Users[User1].ToArray());
    }

    [Fact]
    public void AUsersDaysOutOfDateOrderFailNamingThem()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new PayloadWriter(buffer);
        writer.WriteByte(GifterLedgerStateCodec.Version2);
        writer.WriteInt32(739_000);
        writer.WriteCount(1);
        writer.WriteInt64(7);
        writer.WriteEnum(Region.NA);
        WriteDays(ref writer, new GiftDay(739_000, 1, 5, At), new GiftDay(738_999, 2, 9.5, At));

        writer.WriteCount(0);
        writer.Flush();

        var failure = Assert.Throws<InvalidDataException>(() => new GifterLedgerStateCodec().Decode(buffer.WrittenSpan));

        Assert.Contains("days are not in date order (day 738999 after day 739000)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATruncatedPayloadFailsNamingTheFormat()
    {
        var state = new GifterLedgerState();
        state.Users[User1] = GifterRecord.Of(Region.OTHER, [new GiftDay(739_000, 1, 40, At)]);
        var payload = Encode(state);

        var failure = Assert.Throws<InvalidDataException>(() => new GifterLedgerStateCodec().Decode(payload.AsSpan(0, payload.Length - 3)));

        Assert.Contains(nameof(GifterLedgerState), failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A user's days as both format versions store them: the count, then each day's fields.</summary>
    private static void WriteDays(ref PayloadWriter writer, params GiftDay[] days)
    {
        writer.WriteCount(days.Length);
        foreach (var day in days)
        {
            writer.WriteInt32(day.Day);
            writer.WriteInt32(day.Gifts);
            writer.WriteDouble(day.Coins);
            writer.WriteDateTimeOffset(day.LatestAt);
        }
    }

    private static GifterLedgerState RoundTrip(GifterLedgerState state) => new GifterLedgerStateCodec().Decode(Encode(state));

    private static byte[] Encode(GifterLedgerState state)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        ((IStateCodec<GifterLedgerState>)new GifterLedgerStateCodec()).Encode(state, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
