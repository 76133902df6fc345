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

    private const string Format = nameof(GifterLedgerState) + " payload";

    public void Encode(GifterLedgerState state, IBufferWriter<byte> output)
    {
        var writer = new PayloadWriter(output);
        writer.WriteByte(Version1);
        writer.WriteInt32(state.PrunedOnDay);
        writer.WriteCount(state.Users.Count);
        foreach (var (userId, gifter) in state.Users)
        {
            writer.WriteString(userId);
            writer.WriteEnum(gifter.Region);
            var days = gifter.Days ?? [];
            writer.WriteCount(days.Count);
            foreach (var day in days)
            {
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
        if (version != Version1)
        {
            throw new InvalidDataException($"{Format} has format version {version}; this build reads version {Version1}.");
        }

        var state = new GifterLedgerState { PrunedOnDay = reader.ReadInt32(nameof(GifterLedgerState.PrunedOnDay)) };
        var users = reader.ReadCount(nameof(GifterLedgerState.Users));
        state.Users.EnsureCapacity(users);
        for (var i = 0; i < users; i++)
        {
            reader.Section = nameof(GifterLedgerState.Users);
            var userId = reader.ReadString("user id") ?? throw reader.Invalid("user id", "is missing");
            var gifter = new GifterRecord { Region = reader.ReadEnum<Region>(nameof(GifterRecord.Region)) };
            var count = reader.ReadCount(nameof(GifterRecord.Days));
            if (count > 0)
            {
                gifter.Days = new List<GiftDay>(count);
                for (var d = 0; d < count; d++)
                {
                    gifter.Days.Add(new GiftDay(
                        reader.ReadInt32(nameof(GiftDay.Day)),
                        reader.ReadInt32(nameof(GiftDay.Gifts)),
                        reader.ReadDouble(nameof(GiftDay.Coins)),
                        reader.ReadDateTimeOffset(nameof(GiftDay.LatestAt))));
                }
            }

            state.Users[userId] = gifter;
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
