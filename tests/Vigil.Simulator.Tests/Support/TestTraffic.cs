using Vigil.Simulator.Generation;

namespace Vigil.Simulator.Tests.Support;

/// <summary>Runs the generator in memory.</summary>
public static class TestTraffic
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Offline options: no pacing, small world.</summary>
    public static SimulatorOptions Options(int seed = 42, int rooms = 60) => new() { Seed = seed, Rooms = rooms, RealTime = false, Rate = 0 };

    /// <summary>The JSON lines of every event before <paramref name="until"/> (or the first <paramref name="count"/>).</summary>
    public static List<byte[]> Generate(SimulatorOptions options, DateTimeOffset start, ListTruthSink? truth = null, TimeSpan? until = null, int? count = null)
    {
        var generator = new TrafficGenerator(options, start, truth);
        var end = until is { } span ? start + span : DateTimeOffset.MaxValue;
        var lines = new List<byte[]>();
        while (count is not { } max || lines.Count < max)
        {
            var next = generator.Next();
            if (next.Timestamp >= end)
            {
                break;
            }

            lines.Add(next.Json);
        }

        generator.Complete();
        return lines;
    }
}
