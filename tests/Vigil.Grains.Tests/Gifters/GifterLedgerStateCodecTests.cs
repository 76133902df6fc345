using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Gifters;
using Vigil.Grains.Gifters;
using Vigil.Runtime.Persistence;

namespace Vigil.Grains.Tests.Gifters;

public sealed class GifterLedgerStateCodecTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 18, 5, 0, TimeSpan.FromHours(3));

    [Fact]
    public void AStateRoundTripsWithEveryField()
    {
        var state = new GifterLedgerState { PrunedOnDay = 739_000 };
        state.Users["u-1"] = new GifterRecord { Region = Region.LATAM, Days = [new GiftDay(738_990, 2, 150.5, At), new GiftDay(739_000, 1, 40, At.AddDays(10))] };
        state.Claimed.UnionWith([GifterPartitions.IdHash("u-claimed"), ulong.MaxValue]);

        var decoded = RoundTrip(state);

        Assert.Equal(739_000, decoded.PrunedOnDay);
        Assert.Equal(Region.LATAM, decoded.Users["u-1"].Region);
        Assert.Equal(state.Users["u-1"].Days, decoded.Users["u-1"].Days);
        Assert.Equal(state.Claimed.Order(), decoded.Claimed.Order());
        Assert.Equal(["u-1"], decoded.Users.Keys);
    }

    [Fact]
    public void ATruncatedPayloadFailsNamingTheFormat()
    {
        var state = new GifterLedgerState();
        state.Users["u-1"] = new GifterRecord { Days = [new GiftDay(739_000, 1, 40, At)] };
        var payload = Encode(state);

        var failure = Assert.Throws<InvalidDataException>(() => new GifterLedgerStateCodec().Decode(payload.AsSpan(0, payload.Length - 3)));

        Assert.Contains(nameof(GifterLedgerState), failure.Message, StringComparison.Ordinal);
    }

    private static GifterLedgerState RoundTrip(GifterLedgerState state) => new GifterLedgerStateCodec().Decode(Encode(state));

    private static byte[] Encode(GifterLedgerState state)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        ((IStateCodec<GifterLedgerState>)new GifterLedgerStateCodec()).Encode(state, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
