using System.Buffers;
using Vigil.Simulator;
using Vigil.Simulator.Generation;

namespace Vigil.LoadClient;

/// <summary>
/// Realistic traffic generated before the first request, so the client spends its CPU sending rather than
/// generating: the simulator's seeded world cut into NDJSON request bodies of a seeded size between the bounds.
/// </summary>
public sealed class TrafficPool
{
    private TrafficPool(byte[][] batches, int[] counts, long bytes)
    {
        Batches = batches;
        Counts = counts;
        Bytes = bytes;
    }

    /// <summary>Request bodies in send order.</summary>
    public byte[][] Batches { get; }

    /// <summary>Events in each body.</summary>
    public int[] Counts { get; }

    public long Bytes { get; }

    public long Events => Counts.Sum(c => (long)c);

    /// <summary>A start from which <paramref name="options"/>' events all end before <paramref name="now"/>, with a wide margin.</summary>
    public static DateTimeOffset SafeStart(LoadOptions options, DateTimeOffset now)
    {
        var simulatedSeconds = (options.Events + options.Skip) / (options.Rooms * SimulatorOptions.EventsPerRoomSecond(1)) * 2 + 600;
        return now - TimeSpan.FromSeconds(simulatedSeconds);
    }

    /// <summary>
    /// Generates <see cref="LoadOptions.Events"/> events as fast as the simulator goes (no pacing), after dropping the
    /// first <see cref="LoadOptions.Skip"/>. The world starts far enough in the past that no event is stamped after
    /// the wall clock, whatever the number of events.
    /// </summary>
    public static TrafficPool Generate(LoadOptions options, DateTimeOffset now)
    {
        var world = new SimulatorOptions
        {
            Seed = options.Seed,
            Rooms = options.Rooms,
            Vips = options.Vips,
            Rate = 0,
            RealTime = false,
        };
        var generator = new TrafficGenerator(world, options.Start ?? SafeStart(options, now));
        var sizes = new Random(options.Seed);
        var batches = new List<byte[]>();
        var counts = new List<int>();
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        long total = 0, bytes = 0;
        for (long skipped = 0; skipped < options.Skip; skipped++)
        {
            generator.Next();
        }

        while (total < options.Events)
        {
            var count = (int)Math.Min(sizes.Next(options.MinBatch, options.MaxBatch + 1), options.Events - total);
            buffer.ResetWrittenCount();
            for (var i = 0; i < count; i++)
            {
                var e = generator.Next();
                buffer.Write(e.Json);
                buffer.Write("\n"u8);
            }

            batches.Add(buffer.WrittenSpan.ToArray());
            counts.Add(count);
            total += count;
            bytes += buffer.WrittenCount;
        }

        return new TrafficPool([.. batches], [.. counts], bytes);
    }
}
