using System.Diagnostics;
using System.Text.Json;
using Vigil.Benchmarks.Infrastructure;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Policy;
using Vigil.Grains.Rooms;
using Vigil.Runtime.Persistence;

namespace Vigil.Benchmarks.Domain;

/// <summary>
/// What one write-behind snapshot of a live room costs: its <see cref="LiveRoomState"/> encoded by
/// <see cref="LiveRoomStateCodec"/>, against the reflection-based JSON the runtime uses for states without a codec
/// (the baseline, with the runtime's default serializer options), in time, bytes allocated and payload size; and the
/// same for reading the state back at activation. Every dirty room is snapshotted each flush interval, so at 20,000
/// live rooms and a 2-second interval this runs about 10,000 times a second. Single-threaded, no storage.
/// </summary>
internal sealed class RoomSnapshotBenchmark(BenchmarkOptions options, BenchmarkReport report)
{
    private const int OperationsPerClockCheck = 256;

    public Task RunAsync()
    {
        var events = DomainTraffic.RoomActivity(DateTimeOffset.UtcNow);
        var room = RealisticRoom(events);
        IStateCodec<LiveRoomState> codec = new LiveRoomStateCodec();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.General);
        var codecPayload = codec.Encode(room);
        var jsonPayload = JsonSerializer.SerializeToUtf8Bytes(room, json);
        var problem = JsonSerializer.Serialize(codec.Decode(codecPayload)) == JsonSerializer.Serialize(room)
            ? null
            : "the decoded room differs from the encoded one";

        var encode = Measure("encode, codec", () => codec.Encode(room));
        var encodeJson = Measure("encode, JSON", () => JsonSerializer.SerializeToUtf8Bytes(room, json));
        var decode = Measure("decode, codec", () => codec.Decode(codecPayload));
        var decodeJson = Measure("decode, JSON", () => JsonSerializer.Deserialize<LiveRoomState>(jsonPayload, json)!);

        report.Add(new ResultRow("Live room state snapshot (write-behind encode), codec vs JSON", NanosecondsPerOperation(encode), "ns", NanosecondsPerOperation(encodeJson), Problem: problem));
        report.Add(new ResultRow("Live room state read at activation (decode), codec vs JSON", NanosecondsPerOperation(decode), "ns", NanosecondsPerOperation(decodeJson), Problem: problem));
        report.Add(new ResultRow("Live room state payload, codec vs JSON", codecPayload.Length, "B", jsonPayload.Length));
        report.Add(Allocations("Live room state snapshot (encode)", "B/snapshot", encode, encodeJson));
        report.Add(Allocations("Live room state read (decode)", "B/read", decode, decodeJson));
        report.AddNote($"Room snapshot: the state of a room after {events.Length} events of the domain-memory room "
            + $"({room.Categories.Count} categories, {room.History.RiskCategories.Length} risk rows of history), evaluated after each event as the grain does; "
            + "one thread, no storage, median of 1-second windows.");
        return Task.CompletedTask;
    }

    /// <summary>The domain-memory room's traffic, with the effects of the grain's evaluation after each event (risks, states, history samples) but no alerts.</summary>
    private static LiveRoomState RealisticRoom(IEnumerable<LiveEvent> events)
    {
        var policy = DefaultPolicy.Compiled;
        var room = new LiveRoomState();
        foreach (var e in events)
        {
            RoomEvents.Apply(room, policy, e);
            var gauges = new List<KeyValuePair<Category, double>>();
            foreach (var (category, entry) in room.Categories)
            {
                var risk = PolicyEvaluator.Combine(policy, category, entry.Evidence, room.LatestEventAt);
                entry.State = PolicyEvaluator.StateFor(policy, room.Region, risk, entry.State);
                entry.LastRisk = risk.Risk;
                gauges.Add(KeyValuePair.Create(category, risk.Risk));
            }

            room.History.Sample(MinuteHistory.MinuteOf(room.LatestEventAt), room.Viewers, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(gauges));
        }

        return room;
    }

    private Measurement Measure(string name, Func<object> operation)
    {
        var window = options.Quick ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(1);
        Run(operation, options.Quick ? window : options.WarmUp);
        var windows = new WindowResult[options.Repeats];
        for (var i = 0; i < windows.Length; i++)
        {
            var start = RunSnapshot.Take(0);
            var operations = Run(operation, window);
            windows[i] = RunSnapshot.Take(operations).Since(start);
        }

        var measurement = new Measurement(windows);
        BenchmarkReport.Log($"room-snapshot, {name}: {Format.Number(NanosecondsPerOperation(measurement))} ns/op ({measurement.DescribeRates()} ops/s)");
        return measurement;
    }

    private static long Run(Func<object> operation, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long operations = 0;
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < OperationsPerClockCheck; i++)
            {
                GC.KeepAlive(operation());
            }

            operations += OperationsPerClockCheck;
        }

        return operations;
    }

    private static double NanosecondsPerOperation(Measurement measurement) => 1e9 / measurement.MedianPerSecond;

    private static AllocationRow Allocations(string figure, string unit, Measurement codec, Measurement json) => new(
        figure, unit, codec.MedianAllocatedBytesPerOperation, json.MedianAllocatedBytesPerOperation,
        $"{codec.Gen0}/{codec.Gen1}/{codec.Gen2}", $"{json.Gen0}/{json.Gen1}/{json.Gen2}");
}
