using System.Buffers;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Gifters;
using Vigil.Grains.Persistence;
using Vigil.Runtime.Persistence;

namespace Vigil.Grains.Gifters;

/// <summary>
/// <see cref="GifterLedgerState"/> as compact little-endian binary: a partition holds a thousand users or more and is
/// written on most flushes under load, which as reflection JSON would cost more than the gifts themselves. Version 1:
/// the prune day, the user count, then per user the id, the region and the days (count, then day number, gifts, coins
/// and the latest gift's time), then the count of claimed hashes and each of them. The first byte is never <c>{</c>,
/// so a JSON record still loads.
/// </summary>
public sealed class GifterLedgerStateCodec : IStateCodec<GifterLedgerState>
{
    public const byte Version1 = 1;

    public const byte Version2 = 2;

    private const string Format = nameof(GifterLedgerState) + " payload";

    public void Encode(GifterLedgerState state, IBufferWriter<byte> output)
    {
        var writer = new PayloadWriter(output);
        writer.WriteByte(Version2);
        writer.WriteInt32(state.PrunedOnDay);
        writer.WriteCount(state.Users.Count);
        foreach (var (hash, gifter) in state.Users)
        {
            writer.WriteInt64(unchecked((long)hash));
            writer.WriteEnum(gifter.Region);
            writer.WriteCount(gifter.Count);
            for (var i = 0; i < gifter.Count; i++)
            {
                var day = gifter[i];
                writer.WriteInt32(day.Day);
                writer.WriteInt32(day.Gifts);
                writer.WriteDouble(day.Coins);
                writer.WriteDateTimeOffset(day.LatestAt);
            }
        }

        writer.WriteCount(state.Claimed.Count);
        foreach (var hash in state.Claimed)
        {
            writer.WriteInt64(unchecked((long)hash));
        }

        writer.Flush();
    }

    public GifterLedgerState Decode(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload, Format);
        var version = reader.ReadByte("format version");
        if (version is not (Version1 or Version2))
        {
            throw new InvalidDataException($"{Format} has format version {version}; this build reads versions {Version1} and {Version2}.");
        }

        var state = new GifterLedgerState { PrunedOnDay = reader.ReadInt32(nameof(GifterLedgerState.PrunedOnDay)) };
        var users = reader.ReadCount(nameof(GifterLedgerState.Users));
        state.Users.EnsureCapacity(users);
        Span<GiftDay> buffer = stackalloc GiftDay[GifterRecord.RetainedDays];
        for (var i = 0; i < users; i++)
        {
            reader.Section = nameof(GifterLedgerState.Users);
            var hash = version == Version1
                ? GifterPartitions.IdHash(reader.ReadString("user id") ?? throw reader.Invalid("user id", "is missing"))
                : unchecked((ulong)reader.ReadInt64("user id hash"));
            var region = reader.ReadEnum<Region>(nameof(GifterRecord.Region));
            var count = reader.ReadCount("days");
            if (count > GifterRecord.RetainedDays)
            {
                throw reader.Invalid("days", $"claims {count} days, more than the {GifterRecord.RetainedDays} a user keeps");
            }

            var days = buffer[..count];
            for (var d = 0; d < count; d++)
            {
                days[d] = new GiftDay(
                    reader.ReadInt32(nameof(GiftDay.Day)),
                    reader.ReadInt32(nameof(GiftDay.Gifts)),
                    reader.ReadDouble(nameof(GiftDay.Coins)),
                    reader.ReadDateTimeOffset(nameof(GiftDay.LatestAt)));
                if (d > 0 && days[d].Day <= days[d - 1].Day)
                {
                    throw reader.Invalid("days", $"are not in date order (day {days[d].Day} after day {days[d - 1].Day})");
                }
            }

            state.Users[hash] = GifterRecord.Of(region, days);
        }

        reader.Section = nameof(GifterLedgerState.Claimed);
        var claimed = reader.ReadCount(nameof(GifterLedgerState.Claimed));
        state.Claimed.EnsureCapacity(claimed);
        for (var i = 0; i < claimed; i++)
        {
            state.Claimed.Add(unchecked((ulong)reader.ReadInt64("hash")));
        }

        reader.ExpectEnd();
        return state;
    }
}
