using System.Buffers;
using System.Text.Json;
using Vigil.Grains.Contracts;
using Vigil.Grains.Persistence;
using Vigil.Runtime.Persistence;

namespace Vigil.Grains.Alerts;

/// <summary>
/// <see cref="AlertCenterState"/> for storage, re-encoding only the alerts that changed. A region's alert center
/// holds its open alerts and thousands of resolved ones, all in one state; encoded whole as JSON at every flush it
/// took 8-44 ms per snapshot at 1.8 MB, and the snapshot is a turn of the alert center, so every alert raised meanwhile
/// waited for it. Here each record's JSON is kept with the record (<see cref="AlertRecordEncoding"/>) and reused while
/// the record is unchanged, so a snapshot encodes the few alerts that changed and copies the rest.
/// </summary>
/// <remarks>
/// Layout of version 1: the version byte, the next alert sequence, the alerts (count, then each id and its record as
/// length-prefixed JSON), then the open alert per room and category (count, then each key and id). The version byte
/// is never <c>{</c>, so alert centers stored as JSON before still load as JSON.
/// </remarks>
public sealed class AlertCenterStateCodec : IStateCodec<AlertCenterState>
{
    public const byte Version1 = 1;

    private const string Format = nameof(AlertCenterState) + " payload";

    private static readonly JsonSerializerOptions RecordJson = CreateRecordJson();

    public void Encode(AlertCenterState state, IBufferWriter<byte> output)
    {
        var writer = new PayloadWriter(output);
        writer.WriteByte(Version1);
        writer.WriteInt64(state.NextSequence);
        writer.WriteCount(state.Alerts.Count);
        foreach (var (id, record) in state.Alerts)
        {
            writer.WriteString(id);
            writer.WriteValues<byte>(JsonOf(record));
        }

        writer.WriteCount(state.OpenByRoomCategory.Count);
        foreach (var (pair, id) in state.OpenByRoomCategory)
        {
            writer.WriteString(pair);
            writer.WriteString(id);
        }

        writer.Flush();
    }

    public AlertCenterState Decode(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload, Format);
        var version = reader.ReadByte("version");
        if (version != Version1)
        {
            throw reader.Invalid("version", $"is {version}, and this silo reads version {Version1}", 0);
        }

        var state = new AlertCenterState { NextSequence = reader.ReadInt64(nameof(AlertCenterState.NextSequence)) };
        var alerts = reader.ReadCount(nameof(AlertCenterState.Alerts));
        for (var i = 0; i < alerts; i++)
        {
            var id = reader.ReadString("alert id") ?? throw reader.Invalid("alert id", "is missing");
            var record = ReadRecord(ref reader, id);
            if (!state.Alerts.TryAdd(id, record))
            {
                throw reader.Invalid("alert id", $"lists {id} twice");
            }
        }

        var pairs = reader.ReadCount(nameof(AlertCenterState.OpenByRoomCategory));
        for (var i = 0; i < pairs; i++)
        {
            var pair = reader.ReadString("room and category") ?? throw reader.Invalid("room and category", "is missing");
            state.OpenByRoomCategory[pair] = reader.ReadString("open alert id") ?? throw reader.Invalid("open alert id", $"is missing for {pair}");
        }

        reader.ExpectEnd();
        return state;
    }

    private static byte[] JsonOf(AlertRecord record)
    {
        if (record.Encoding is { } encoding && encoding.Matches(record))
        {
            return encoding.Json;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(record, RecordJson);
        record.Encoding = AlertRecordEncoding.Of(record, json);
        return json;
    }

    private static AlertRecord ReadRecord(ref PayloadReader reader, string id)
    {
        var json = reader.ReadBytes("alert record");
        try
        {
            return JsonSerializer.Deserialize<AlertRecord>(json, RecordJson) ?? throw reader.Invalid("alert record", $"of {id} is null");
        }
        catch (JsonException exception)
        {
            throw reader.Invalid("alert record", $"of {id} is not an alert record as JSON: {exception.Message}");
        }
    }

    private static JsonSerializerOptions CreateRecordJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General);
        ContractJson.Configure(options);
        return options;
    }
}
