using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Vigil.Ingest.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Vigil.Ingest.Tests.Fuzz;

/// <summary>
/// 100,000 fuzzed lines over real HTTP, with known-good events interleaved: the server never answers 5xx, every
/// request gets the status its shape calls for, and every good event reaches the sink exactly once (events of a
/// refused request are sent again afterwards, as a producer would).
/// </summary>
[Collection(IngestServerCollection.Name)]
public sealed class IngestFuzzTests(IngestServer server, ITestOutputHelper output)
{
    private const int Seed = 20261122;
    private const int Workers = 4;
    private const int RequestsPerWorker = 250;
    private const int FuzzedLinesPerRequest = 100;
    private const int GoodLinesPerRequest = 5;

    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentQueue<string> _goodIds = new();
    private readonly ConcurrentQueue<string> _refusedGoodLines = new();
    private readonly ConcurrentDictionary<HttpStatusCode, int> _statuses = new();
    private readonly string _prefix = TestEvents.NewPrefix() + "good-";
    private int _fuzzedLines;

    private enum Shape
    {
        NdJson,
        JsonArray,
        WrongKey,
        WrongMediaType,
        TooManyEvents,
    }

    [Fact]
    public async Task HundredThousandFuzzedLinesNeverGetA5xxAndEveryGoodEventIsDeliveredExactlyOnce()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkAsync(w))));
        await RetryRefusedGoodEventsAsync();
        output.WriteLine($"{_fuzzedLines} fuzzed lines in {started.Elapsed.TotalSeconds:0.0} s; statuses: {string.Join(", ", _statuses.OrderBy(p => p.Key).Select(p => $"{(int)p.Key} x{p.Value}"))}");

        Assert.True(_problems.IsEmpty, $"{_problems.Count} problems, the first: " + string.Join(Environment.NewLine, _problems.Take(10)));
        Assert.True(_fuzzedLines >= 100_000, $"only {_fuzzedLines} fuzzed lines were sent");
        Assert.Equal(Workers * RequestsPerWorker * GoodLinesPerRequest, _goodIds.Count);
        var wrong = _goodIds.Where(id => server.Sink.TimesDelivered(id) != 1).Select(id => $"{id} x{server.Sink.TimesDelivered(id)}").Take(10).ToList();
        Assert.Empty(wrong);
        Assert.All(
            new[] { HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType },
            status => Assert.True(_statuses.ContainsKey(status), $"no request was answered {status}"));
    }

    private async Task WorkAsync(int worker)
    {
        var random = new Random(Seed + worker);
        var fuzzer = new LineFuzzer(random);
        for (var request = 0; request < RequestsPerWorker; request++)
        {
            var good = Enumerable.Range(0, GoodLinesPerRequest).Select(i => GoodLine(random, $"{worker}-{request}-{i}")).ToList();
            var fuzzed = Enumerable.Range(0, FuzzedLinesPerRequest).Select(_ => fuzzer.Next()).ToList();
            Interlocked.Add(ref _fuzzedLines, fuzzed.Count);
            var lines = Interleave(random, fuzzed, good);
            var shape = random.Next(100) switch
            {
                < 84 => Shape.NdJson,
                < 92 => Shape.JsonArray,
                < 95 => Shape.WrongKey,
                < 98 => Shape.WrongMediaType,
                _ => Shape.TooManyEvents,
            };

            await SendAsync(shape, lines, good, random);
        }
    }

    private async Task SendAsync(Shape shape, List<byte[]> lines, List<(string Id, string Line)> good, Random random)
    {
        var separator = shape == Shape.JsonArray ? (byte)',' : (byte)'\n';
        var body = new List<byte>(lines.Sum(l => l.Length + 1) + 2);
        if (shape == Shape.JsonArray)
        {
            body.Add((byte)'[');
        }

        for (var i = 0; i < lines.Count; i++)
        {
            body.AddRange(lines[i]);
            if (i < lines.Count - 1)
            {
                body.Add(separator);
            }
        }

        if (shape == Shape.JsonArray)
        {
            body.Add((byte)']');
        }

        if (shape == Shape.TooManyEvents)
        {
            body.AddRange(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("\n{}", 10_001))));
        }

        var bytes = body.ToArray();
        var reply = shape switch
        {
            Shape.JsonArray => await server.PostAsync(bytes, "application/json"),
            Shape.WrongKey => await server.PostAsync(bytes, apiKey: random.Next(2) == 0 ? null : "not-a-key-" + random.Next()),
            Shape.WrongMediaType => await server.PostAsync(bytes, random.Next(2) == 0 ? "text/plain" : "application/x-ndjson; charset=latin1"),
            _ => await server.PostAsync(bytes),
        };
        _statuses.AddOrUpdate(reply.Status, 1, (_, n) => n + 1);

        // An array whose fuzzed elements are each one JSON value is well-formed and must be accepted. Otherwise it is
        // usually refused, but a stray bracket can also swallow neighbours (good lines included) into one element of
        // a still well-formed array: then which good events were used is unknown, so they are all sent again later
        // and only the final exactly-once check applies.
        var wellFormed = shape != Shape.JsonArray || lines.All(IsOneJsonValue);
        var expected = shape switch
        {
            Shape.NdJson => [HttpStatusCode.Accepted],
            Shape.JsonArray when wellFormed => [HttpStatusCode.Accepted],
            Shape.JsonArray => [HttpStatusCode.Accepted, HttpStatusCode.BadRequest],
            Shape.WrongKey => [HttpStatusCode.Unauthorized],
            Shape.WrongMediaType => [HttpStatusCode.UnsupportedMediaType],
            _ => new[] { HttpStatusCode.RequestEntityTooLarge },
        };
        if (!expected.Contains(reply.Status))
        {
            _problems.Enqueue($"{shape} request got {(int)reply.Status}: {reply.Body[..Math.Min(300, reply.Body.Length)]}");
            return;
        }

        if (!wellFormed)
        {
            foreach (var (_, line) in good)
            {
                _refusedGoodLines.Enqueue(line);
            }

            return;
        }

        if (reply.Status != HttpStatusCode.Accepted)
        {
            foreach (var (id, line) in good)
            {
                if (server.Sink.TimesDelivered(id) != 0)
                {
                    _problems.Enqueue($"{id} was delivered although its {shape} request got {(int)reply.Status}");
                }

                _refusedGoodLines.Enqueue(line);
            }

            return;
        }

        CheckAccepted(shape, bytes, reply, good);
    }

    private void CheckAccepted(Shape shape, byte[] body, IngestReply reply, List<(string Id, string Line)> good)
    {
        foreach (var (id, _) in good)
        {
            if (server.Sink.TimesDelivered(id) != 1)
            {
                _problems.Enqueue($"{id} was delivered {server.Sink.TimesDelivered(id)} times after a 202");
            }
        }

        var goodIds = good.Select(g => g.Id).ToHashSet();
        foreach (var rejection in reply.Rejected.Where(r => r.Id is not null && goodIds.Contains(r.Id)))
        {
            _problems.Enqueue($"good event {rejection.Id} was rejected: {rejection.Error}");
        }

        if (shape == Shape.NdJson)
        {
            // Every non-blank line is accounted for exactly once.
            var nonBlank = Encoding.Latin1.GetString(body).Split('\n').Count(l => l.Trim(' ', '\t', '\r').Length > 0);
            var counted = reply.Accepted + reply.Duplicates + reply.Rejected.Count;
            if (counted != nonBlank)
            {
                _problems.Enqueue($"{nonBlank} non-blank lines but {counted} accepted, duplicate or rejected");
            }
        }
    }

    /// <summary>Whether bytes are exactly one JSON value, nested no deeper than an array element may be.</summary>
    private static bool IsOneJsonValue(byte[] bytes)
    {
        var reader = new System.Text.Json.Utf8JsonReader(bytes, new System.Text.Json.JsonReaderOptions { MaxDepth = 63 });
        try
        {
            if (!reader.Read())
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private async Task RetryRefusedGoodEventsAsync()
    {
        var lines = _refusedGoodLines.ToArray();
        foreach (var chunk in lines.Chunk(1_000))
        {
            var reply = await server.PostLinesAsync(chunk);
            if (reply.Status != HttpStatusCode.Accepted || reply.Accepted + reply.Duplicates != chunk.Length)
            {
                _problems.Enqueue($"retry of {chunk.Length} refused good events got {(int)reply.Status}, {reply.Body[..Math.Min(300, reply.Body.Length)]}");
            }
        }
    }

    private (string Id, string Line) GoodLine(Random random, string suffix)
    {
        var id = _prefix + suffix;
        _goodIds.Enqueue(id);
        var type = TestEvents.Types[random.Next(TestEvents.Types.Count)];
        var ts = IngestServer.Now.AddSeconds(-random.Next(0, 20 * 3600));
        return (id, TestEvents.Valid(type, id, ts).Line());
    }

    /// <summary>Places the good lines among the fuzzed ones; sometimes a good line is sent twice in the same request.</summary>
    private static List<byte[]> Interleave(Random random, List<byte[]> fuzzed, List<(string Id, string Line)> good)
    {
        var lines = new List<byte[]>(fuzzed);
        foreach (var (_, line) in good)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            lines.Insert(random.Next(lines.Count + 1), bytes);
            if (random.Next(10) == 0)
            {
                lines.Insert(random.Next(lines.Count + 1), bytes);
            }
        }

        return lines;
    }
}
