using System.Buffers;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Persistence;
using Vigil.Grains.Policy;
using Vigil.Runtime.Persistence;

namespace Vigil.Grains.Rooms;

/// <summary>
/// <see cref="LiveRoomState"/> as compact little-endian binary instead of JSON: every dirty room is snapshotted each
/// flush interval, and formatting its doubles and timestamps as JSON cost a quarter of the silo's CPU at 20,000 live
/// rooms. The payload starts with a format-version byte (never <c>{</c>, so rooms stored as JSON before still load as
/// JSON). Layout of version 1, in order: the room's session fields, the three activity windows, the categories (count,
/// then each key and its evidence and alert bookkeeping), the minute history. Numbers are fixed-width, counts and
/// enums 7-bit encoded, strings length-prefixed UTF-8, timestamps UTC ticks plus offset minutes (see
/// <see cref="PayloadWriter"/>). A field added to the state needs a new version here; a test fails until it has one.
/// </summary>
public sealed class LiveRoomStateCodec : IStateCodec<LiveRoomState>
{
    public const byte Version1 = 1;

    private const string Format = nameof(LiveRoomState) + " payload";

    private static readonly int CategoryCount = Enum.GetValues<Category>().Length;

    public void Encode(LiveRoomState state, IBufferWriter<byte> output)
    {
        var writer = new PayloadWriter(output);
        writer.WriteByte(Version1);
        writer.WriteString(state.BroadcasterId);
        writer.WriteEnum(state.Region);
        writer.WriteString(state.Title);
        writer.WriteString(state.Lang);
        writer.WriteNullableDateTimeOffset(state.StartedAt);
        writer.WriteNullableDateTimeOffset(state.EndedAt);
        writer.WriteInt32(state.ViewerBalance);
        writer.WriteInt32(state.PeakViewers);
        writer.WriteDateTimeOffset(state.LatestEventAt);
        WriteWindow(ref writer, state.Chat);
        WriteWindow(ref writer, state.Gifts);
        WriteWindow(ref writer, state.Follows);
        writer.WriteCount(state.Categories.Count);
        foreach (var (category, entry) in state.Categories)
        {
            writer.WriteEnum(category);
            WriteCategory(ref writer, entry);
        }

        WriteHistory(ref writer, state.History);
        writer.Flush();
    }

    public LiveRoomState Decode(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload, Format);
        var version = reader.ReadByte("format version");
        if (version != Version1)
        {
            throw new InvalidDataException($"{Format} has format version {version}; this build reads version {Version1}.");
        }

        // The state's own arrays (windows, history ring) are filled in place instead of replaced, so reading allocates
        // only what the state keeps.
        var state = new LiveRoomState
        {
            BroadcasterId = reader.ReadString(nameof(LiveRoomState.BroadcasterId)),
            Region = reader.ReadEnum<Region>(nameof(LiveRoomState.Region)),
            Title = reader.ReadString(nameof(LiveRoomState.Title)),
            Lang = reader.ReadString(nameof(LiveRoomState.Lang)),
            StartedAt = reader.ReadNullableDateTimeOffset(nameof(LiveRoomState.StartedAt)),
            EndedAt = reader.ReadNullableDateTimeOffset(nameof(LiveRoomState.EndedAt)),
            ViewerBalance = reader.ReadInt32(nameof(LiveRoomState.ViewerBalance)),
            PeakViewers = reader.ReadInt32(nameof(LiveRoomState.PeakViewers)),
            LatestEventAt = reader.ReadDateTimeOffset(nameof(LiveRoomState.LatestEventAt)),
        };
        ReadWindow(ref reader, state.Chat, nameof(LiveRoomState.Chat));
        ReadWindow(ref reader, state.Gifts, nameof(LiveRoomState.Gifts));
        ReadWindow(ref reader, state.Follows, nameof(LiveRoomState.Follows));
        ReadCategories(ref reader, state.Categories);
        ReadHistory(ref reader, state.History);
        reader.ExpectEnd();
        return state;
    }

    private static void WriteWindow(ref PayloadWriter writer, ActivityWindow window)
    {
        writer.WriteValues<long>(window.MinuteStamps);
        writer.WriteValues<double>(window.Counts);
        writer.WriteValues<double>(window.Sums);
    }

    private static void ReadWindow(ref PayloadReader reader, ActivityWindow window, string section)
    {
        reader.Section = section;
        reader.ReadValues<long>(window.MinuteStamps, nameof(ActivityWindow.MinuteStamps));
        reader.ReadValues<double>(window.Counts, nameof(ActivityWindow.Counts));
        reader.ReadValues<double>(window.Sums, nameof(ActivityWindow.Sums));
    }

    private static void WriteCategory(ref PayloadWriter writer, RoomCategory entry)
    {
        WriteDecayingValue(ref writer, entry.Evidence.AutomatedScore);
        WriteDecayingValue(ref writer, entry.Evidence.Reports);
        WriteDecayingValue(ref writer, entry.Evidence.KeywordHits);
        writer.WriteInt32(entry.Evidence.EvidenceCount);
        writer.WriteDouble(entry.PeakScore);
        writer.WriteEnum(entry.State);
        writer.WriteString(entry.OpenAlertId);
        writer.WriteInt32(entry.ReportedEvidence);
        writer.WriteInt32(entry.EvidenceAtResolve);
        writer.WriteDouble(entry.LastRisk);
    }

    private static void ReadCategories(ref PayloadReader reader, RoomCategories categories)
    {
        reader.Section = nameof(LiveRoomState.Categories);
        var count = reader.ReadCount("count");
        for (var i = 0; i < count; i++)
        {
            var category = reader.ReadEnum<Category>("key");
            var entry = new RoomCategory
            {
                Evidence = new CategoryEvidence(
                    ReadDecayingValue(ref reader, nameof(CategoryEvidence.AutomatedScore)),
                    ReadDecayingValue(ref reader, nameof(CategoryEvidence.Reports)),
                    ReadDecayingValue(ref reader, nameof(CategoryEvidence.KeywordHits)),
                    reader.ReadInt32(nameof(CategoryEvidence.EvidenceCount))),
                PeakScore = reader.ReadDouble(nameof(RoomCategory.PeakScore)),
                State = reader.ReadEnum<RoomState>(nameof(RoomCategory.State)),
                OpenAlertId = reader.ReadString(nameof(RoomCategory.OpenAlertId)),
                ReportedEvidence = reader.ReadInt32(nameof(RoomCategory.ReportedEvidence)),
                EvidenceAtResolve = reader.ReadInt32(nameof(RoomCategory.EvidenceAtResolve)),
                LastRisk = reader.ReadDouble(nameof(RoomCategory.LastRisk)),
            };
            if (!categories.TryAdd(category, entry))
            {
                throw new InvalidDataException($"{Format} lists category {category} twice.");
            }
        }
    }

    private static void WriteDecayingValue(ref PayloadWriter writer, DecayingValue value)
    {
        writer.WriteDouble(value.Value);
        writer.WriteDateTimeOffset(value.AsOf);
    }

    private static DecayingValue ReadDecayingValue(ref PayloadReader reader, string field) =>
        new(reader.ReadDouble(field), reader.ReadDateTimeOffset(field));

    private static void WriteHistory(ref PayloadWriter writer, MinuteHistory history)
    {
        writer.WriteInt64(history.Newest);
        writer.WriteInt64(history.Sampled);
        writer.WriteInt64(history.First);
        writer.WriteValues<byte>(history.Activity);
        var categories = history.RiskRowCategories;
        writer.WriteCount(categories.Length);
        foreach (var category in categories)
        {
            writer.WriteEnum(category);
        }

        writer.WriteValues(history.RiskRowBytes);
    }

    private static void ReadHistory(ref PayloadReader reader, MinuteHistory history)
    {
        reader.Section = nameof(LiveRoomState.History);
        history.Newest = reader.ReadInt64(nameof(MinuteHistory.Newest));
        history.Sampled = reader.ReadInt64(nameof(MinuteHistory.Sampled));
        history.First = reader.ReadInt64(nameof(MinuteHistory.First));
        reader.ReadValues<byte>(history.Activity, nameof(MinuteHistory.Activity));

        var rows = reader.ReadCount(nameof(MinuteHistory.RiskCategories));
        if (rows > CategoryCount)
        {
            throw reader.Invalid(nameof(MinuteHistory.RiskCategories), $"claims {rows} rows, more than there are categories");
        }

        Category[] riskCategories = rows == 0 ? [] : new Category[rows];
        for (var row = 0; row < rows; row++)
        {
            riskCategories[row] = reader.ReadEnum<Category>(nameof(MinuteHistory.RiskCategories));
            if (Array.IndexOf(riskCategories, riskCategories[row], 0, row) >= 0)
            {
                throw reader.Invalid(nameof(MinuteHistory.RiskCategories), $"names {riskCategories[row]} twice");
            }
        }

        // One row of MinuteHistory.Minutes bytes per risk category: the ring's indexing relies on it.
        byte[] risks = rows == 0 ? [] : new byte[rows * MinuteHistory.Minutes];
        reader.ReadValues<byte>(risks, nameof(MinuteHistory.Risks));
        history.RiskCategories = riskCategories;
        history.Risks = risks;
    }
}
