using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Ingest.Diagnostics;
using Vigil.Ingest.Tests.Infrastructure;

namespace Vigil.Ingest.Tests.Contract;

[Collection(IngestServerCollection.Name)]
public sealed class ObservabilityTests(IngestServer server)
{
    [Fact]
    public async Task CountersReportAcceptedRejectedAndDuplicateEventsAndRequestBytes()
    {
        var prefix = TestEvents.NewPrefix();
        await server.PostLinesAsync(TestEvents.Chat(prefix + "1"));
        var totals = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Scope tells this server's meter from that of any other host in the test process.
            if (instrument.Meter.Name == IngestMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, server.Services.GetService<IMeterFactory>()))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(totals, instrument.Name, value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(totals, instrument.Name, 1));
        listener.Start();
        var body = string.Join("\n", TestEvents.Chat(prefix + "1"), TestEvents.Chat(prefix + "2"), TestEvents.Chat(prefix + "3"), "bad");

        await server.PostAsync(body);

        lock (totals)
        {
            Assert.Equal(2, totals["vigil.ingest.events.accepted"]);
            Assert.Equal(1, totals["vigil.ingest.events.duplicate"]);
            Assert.Equal(1, totals["vigil.ingest.events.rejected"]);
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body), totals["vigil.ingest.request.bytes"]);
            Assert.Equal(1, totals["vigil.ingest.parse.duration"]);
            Assert.Equal(1, totals["vigil.ingest.deliver.duration"]);
            Assert.Equal(1, totals["vigil.ingest.requests"]);
        }
    }

    [Fact]
    public async Task ChatTextNotesAndTitlesNeverReachTheLog()
    {
        var prefix = TestEvents.NewPrefix();
        var secret = "SECRET-" + prefix;
        var lines = new[]
        {
            TestEvents.Valid("chat.message", prefix + "1").With("text", $"\"{secret}\"").Line(),
            TestEvents.Valid("chat.message", prefix + "2").With("text", $"\"{secret}{new string('x', 2000)}\"").Line(),
            TestEvents.Valid("report.filed", prefix + "3").With("note", $"\"{secret}{new string('x', 2000)}\"").Line(),
            TestEvents.Valid("room.started", prefix + "4").With("title", $"\"{secret}\"").With("lang", "\"??\"").Line(),
        };

        var reply = await server.PostLinesAsync(lines);

        Assert.Equal(3, reply.Rejected.Count);
        Assert.DoesNotContain(server.Logs.Entries, e => e.Message.Contains(secret, StringComparison.Ordinal));
        Assert.Contains(server.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Rejected 3 of 4 events; the first at line 2", StringComparison.Ordinal));
    }

    private static void Add(Dictionary<string, double> totals, string name, double value)
    {
        lock (totals)
        {
            totals[name] = totals.GetValueOrDefault(name) + value;
        }
    }
}
