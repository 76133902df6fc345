using System.Text.Json;
using Vigil.Grains.Alerts;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Tests.Infrastructure;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;

namespace Vigil.Grains.Tests.Alerts;

public sealed class AlertCenterStateCodecTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 18, 5, 0, TimeSpan.FromHours(3));

    [Fact]
    public void AStateRoundTripsWithItsAlertsAuditsAndOpenPairs()
    {
        var state = TwoAlerts();

        var decoded = new AlertCenterStateCodec().Decode(Encode(state));

        Assert.Equal(JsonSerializer.Serialize(state), JsonSerializer.Serialize(decoded));
        Assert.Equal(42, decoded.NextSequence);
        Assert.True(decoded.Alerts["MENA-a-2"].SlaEscalated);
        Assert.Equal(["raised", "acknowledged"], decoded.Alerts["MENA-a-1"].Audit.Select(a => a.Action));
        Assert.Equal("MENA-a-1", decoded.OpenByRoomCategory["r-1|nudity"]);
    }

    [Theory]
    [InlineData("snapshot")]
    [InlineData("audit")]
    [InlineData("sla")]
    [InlineData("audit replaced")]
    public void ARecordChangedAfterASnapshotIsEncodedAgain(string change)
    {
        var state = TwoAlerts();
        var record = state.Alerts["MENA-a-1"];
        Encode(state);

        switch (change)
        {
            case "snapshot":
                record.Snapshot = record.Snapshot with { Status = AlertStatus.Resolved, Version = 3 };
                break;
            case "audit":
                record.Audit.Add(new AuditEntry(At.AddMinutes(3), "op-sara", "resolved", "handled"));
                break;
            case "sla":
                record.SlaEscalated = true;
                break;
            default:
                record.Audit = [new AuditEntry(At, "system", "raised", "reloaded")];
                break;
        }

        var decoded = new AlertCenterStateCodec().Decode(Encode(state));

        Assert.Equal(JsonSerializer.Serialize(record), JsonSerializer.Serialize(decoded.Alerts["MENA-a-1"]));
    }

    [Fact]
    public void AnUnchangedRecordIsNotEncodedAgain()
    {
        var state = TwoAlerts();
        Encode(state);
        var first = state.Alerts["MENA-a-2"].Encoding!.Value.Json;

        Encode(state);

        Assert.Same(first, state.Alerts["MENA-a-2"].Encoding!.Value.Json);
    }

    [Fact]
    public void ATruncatedPayloadFailsNamingTheFormat()
    {
        var payload = Encode(TwoAlerts());

        var failure = Assert.Throws<InvalidDataException>(() => new AlertCenterStateCodec().Decode(payload.AsSpan(0, payload.Length - 3)));

        Assert.Contains(nameof(AlertCenterState), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARecordThatIsNotJsonFailsNamingTheAlert()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new Vigil.Grains.Persistence.PayloadWriter(buffer);
        writer.WriteByte(AlertCenterStateCodec.Version1);
        writer.WriteInt64(2);
        writer.WriteCount(1);
        writer.WriteString("MENA-a-1");
        writer.WriteValues<byte>("not json"u8);
        writer.WriteCount(0);
        writer.Flush();

        var failure = Assert.Throws<InvalidDataException>(() => new AlertCenterStateCodec().Decode(buffer.WrittenSpan));

        Assert.Contains("MENA-a-1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAlertCenterKeepsItsAlertsAndAuditAcrossARestart()
    {
        var silo = await GrainTestSilo.StartAsync();
        var raised = await silo.Grain<IAlertCenterGrain>("MENA").RaiseOrUpdate(Evidence("r-9"));
        await silo.Grain<IAlertCenterGrain>("MENA").Act(raised.Id, AlertAction.Acknowledge, "op-lina", "looking now");

        silo = await silo.RestartAsync();
        await using var restarted = silo;
        var center = restarted.Grain<IAlertCenterGrain>("MENA");
        var again = await center.RaiseOrUpdate(Evidence("r-9") with { EvidenceCount = 9 });

        Assert.Equal(raised.Id, again.Id);
        Assert.Equal(AlertStatus.Acknowledged, (await center.Get(raised.Id))!.Status);
        Assert.Equal(["raised", "acknowledged"], (await center.Audit(raised.Id)).Select(a => a.Action));
        Assert.NotEqual(raised.Id, (await center.RaiseOrUpdate(Evidence("r-10"))).Id);
    }

    [Fact]
    public async Task AnAlertCenterStoredAsJsonBeforeTheCodecExistedStillLoads()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        await silo.Storage.WriteAsync(new GrainId("alertcenter", "MENA"), "alerts", JsonSerializer.SerializeToUtf8Bytes(TwoAlerts()), expectedEtag: null);

        var center = silo.Grain<IAlertCenterGrain>("MENA");

        Assert.Equal(AlertStatus.Acknowledged, (await center.Get("MENA-a-1"))!.Status);
        Assert.Equal(2, (await center.List(null, null)).Count);
    }

    private static AlertEvidence Evidence(string roomId) =>
        new(roomId, "b-1", Region.MENA, Category.Nudity, Severity.P1, 0.9, 0.95, 6, ["sustained nudity score"], At);

    private static AlertCenterState TwoAlerts()
    {
        var state = new AlertCenterState { NextSequence = 42 };
        state.Alerts["MENA-a-1"] = new AlertRecord
        {
            Snapshot = Snapshot("MENA-a-1", "r-1", AlertStatus.Acknowledged),
            Audit = [new AuditEntry(At, "system", "raised", null), new AuditEntry(At.AddMinutes(1), "op-lina", "acknowledged", "looking – أنظر")],
        };
        state.Alerts["MENA-a-2"] = new AlertRecord
        {
            Snapshot = Snapshot("MENA-a-2", "r-2", AlertStatus.Resolved),
            Audit = [new AuditEntry(At, "system", "raised", null)],
            SlaEscalated = true,
        };
        state.OpenByRoomCategory["r-1|nudity"] = "MENA-a-1";
        return state;
    }

    private static AlertSnapshot Snapshot(string id, string roomId, AlertStatus status) => new()
    {
        Id = id,
        RoomId = roomId,
        BroadcasterId = "b-1",
        Region = Region.MENA,
        Category = Category.Nudity,
        Severity = Severity.P1,
        Status = status,
        RaisedAt = At,
        UpdatedAt = At.AddMinutes(1),
        Reasons = ["sustained nudity score"],
        EvidenceCount = 6,
        PeakScore = 0.95,
        Title = "<b>title</b>",
        Version = 2,
    };

    private static byte[] Encode(AlertCenterState state)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        ((IStateCodec<AlertCenterState>)new AlertCenterStateCodec()).Encode(state, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
