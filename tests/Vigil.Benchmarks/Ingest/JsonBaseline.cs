using System.Diagnostics;
using System.Text.Json;
using Vigil.Benchmarks.Infrastructure;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// The baseline of the ingest figure: the same NDJSON request bodies read by System.Text.Json alone, one
/// <see cref="Utf8JsonReader"/> per line that reads every token and materializes every string value (what any
/// consumer of the events must at least do), with no validation, de-duplication or delivery. It runs on as many
/// threads as the machine has processors, so it uses the same cores the silo and client share end to end.
/// </summary>
internal static class JsonBaseline
{
    public static Measurement Measure(byte[][] bodies, int[] counts, BenchmarkOptions options)
    {
        var events = counts.Sum(c => (long)c);
        ParseAll(bodies);
        var windows = new WindowResult[options.Repeats];
        for (var i = 0; i < windows.Length; i++)
        {
            var start = RunSnapshot.Take(0);
            var clock = Stopwatch.StartNew();
            long done = 0;
            while (clock.Elapsed < options.Window / 2)
            {
                ParseAll(bodies);
                done += events;
            }

            windows[i] = RunSnapshot.Take(done).Since(start);
            BenchmarkReport.Log($"  System.Text.Json alone: {Format.Number(windows[i].PerSecond)} events/s");
        }

        return new Measurement(windows);
    }

    private static void ParseAll(byte[][] bodies)
    {
        var strings = 0L;
        Parallel.For(0, bodies.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => 0L, (i, _, local) => local + ParseBody(bodies[i]), total => Interlocked.Add(ref strings, total));
        GC.KeepAlive(strings);
    }

    /// <summary>Reads every line of an NDJSON body, every token and every string; returns a number made of them so none of it is skipped.</summary>
    internal static long ParseBody(ReadOnlySpan<byte> body)
    {
        long length = 0;
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? default : body[(end + 1)..];
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.String)
                {
                    length += reader.GetString()!.Length;
                }
                else if (reader.TokenType == JsonTokenType.Number)
                {
                    length += (long)reader.GetDouble();
                }
            }
        }

        return length;
    }
}
