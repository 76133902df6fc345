using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Vigil.LoadClient;

/// <summary>
/// Sends a <see cref="TrafficPool"/> over several connections and counts what the silo accepted in timed windows.
/// Closed loop (no rate): each connection sends its next batch as soon as the previous one is answered, which finds
/// the silo's maximum. Open loop (a rate): batches leave on a fixed schedule whatever the answers, so queueing in the
/// silo shows up as latency rather than as a lower send rate; probes ride on the batch due after each probe interval.
/// </summary>
public sealed class LoadRunner(LoadOptions options, TrafficPool pool) : IDisposable
{
    private const string ApiKeyHeader = "X-Api-Key";
    private static readonly MediaTypeHeaderValue Ndjson = new("application/x-ndjson");

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = options.Connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    private readonly Uri _endpoint = new(options.Url, "api/events");
    private readonly List<(string RoomId, long SentAt)> _probes = [];
    private readonly CancellationTokenSource _stop = new();
    private long _next;
    private long _requests;
    private long _accepted;
    private long _duplicates;
    private long _rejected;
    private long _errors;
    private long _late;
    private long _maxLagTicks;
    private string? _firstError;

    public async Task<LoadResult> RunAsync()
    {
        var sending = options.Rate > 0 ? Task.Run(SendOnScheduleAsync) : Task.WhenAll(Enumerable.Range(0, options.Connections).Select(_ => Task.Run(SendClosedLoopAsync)));
        var windows = new List<WindowRate>();
        await Task.WhenAny(Task.Delay(options.WarmUp), sending);
        var (accepted, requests, at) = Snapshot();
        for (var i = 0; i < options.Windows && !sending.IsCompleted; i++)
        {
            await Task.WhenAny(Task.Delay(options.Window), sending);
            var (nowAccepted, nowRequests, now) = Snapshot();
            var seconds = Stopwatch.GetElapsedTime(at, now).TotalSeconds;
            windows.Add(new WindowRate(seconds, nowAccepted - accepted, nowRequests - requests, (nowAccepted - accepted) / seconds));
            (accepted, requests, at) = (nowAccepted, nowRequests, now);
        }

        // Ran out of pre-generated events before the last window ended: the windows measured are still honest, but fewer.
        var exhausted = sending.IsCompleted && windows.Count < options.Windows || Interlocked.Read(ref _next) >= pool.Batches.Length;
        await _stop.CancelAsync();
        await sending;
        if (options.ProbeLog is { } path)
        {
            await File.WriteAllLinesAsync(path, _probes.Select(p => p.RoomId + " " + p.SentAt.ToString(CultureInfo.InvariantCulture)));
        }

        return new LoadResult(windows, _requests, _accepted, _duplicates, _rejected, _errors, _firstError, exhausted, _late, _maxLagTicks * 1000.0 / Stopwatch.Frequency, _probes.Count);
    }

    public void Dispose()
    {
        _client.Dispose();
        _stop.Dispose();
    }

    private (long Accepted, long Requests, long At) Snapshot() => (Interlocked.Read(ref _accepted), Interlocked.Read(ref _requests), Stopwatch.GetTimestamp());

    private async Task SendClosedLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var index = Interlocked.Increment(ref _next) - 1;
            if (index >= pool.Batches.Length)
            {
                return;
            }

            await SendAsync(pool.Batches[index]);
        }
    }

    /// <summary>Open loop: batch i leaves when the events before it are due at the rate; at most one request per connection in flight.</summary>
    private async Task SendOnScheduleAsync()
    {
        using var slots = new SemaphoreSlim(options.Connections);
        var inFlight = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        var probeTicks = options.ProbeInterval is { } interval ? (long)(interval.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        // Probes start after the warm-up, so every latency is measured at the steady rate.
        var windowStart = start + (long)(options.WarmUp.TotalSeconds * Stopwatch.Frequency);
        var nextProbe = windowStart;
        long eventsBefore = 0;
        for (var index = 0; index < pool.Batches.Length && !_stop.IsCancellationRequested; index++)
        {
            var due = start + (long)(eventsBefore / options.Rate * Stopwatch.Frequency);
            eventsBefore += pool.Counts[index];
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            await slots.WaitAsync();
            var lag = Stopwatch.GetTimestamp() - due;
            if (due >= windowStart)
            {
                // Counted from the end of the warm-up, as the windows and probes are (a new world's first seconds
                // activate every room). More than 5 ms behind the schedule: the silo held every connection, or the
                // client itself did not run, so the rate is not what was asked.
                if (lag > Stopwatch.Frequency / 200)
                {
                    _late++;
                }

                _maxLagTicks = Math.Max(_maxLagTicks, lag);
            }

            var body = pool.Batches[index];
            string? probe = null;
            if (Stopwatch.GetTimestamp() >= nextProbe)
            {
                nextProbe += probeTicks;
                probe = "probe-" + options.Seed.ToString(CultureInfo.InvariantCulture) + "-" + _probes.Count.ToString(CultureInfo.InvariantCulture);
                body = WithProbe(body, probe);
            }

            inFlight.Add(SendReleasingAsync(body, probe, slots));
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight);
    }

    private async Task SendReleasingAsync(byte[] body, string? probe, SemaphoreSlim slots)
    {
        try
        {
            if (probe is not null)
            {
                lock (_probes)
                {
                    _probes.Add((probe, Stopwatch.GetTimestamp()));
                }
            }

            await SendAsync(body);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>
    /// A classifier score that raises a P1 alert on its own (minor_safety needs one piece of evidence) for a room
    /// never seen before, appended to the batch so that its latency includes parsing and delivering the whole batch.
    /// </summary>
    private static byte[] WithProbe(byte[] body, string roomId)
    {
        var ts = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var line = $"{{\"id\":\"{roomId}\",\"type\":\"moderation.score\",\"ts\":\"{ts}\",\"region\":\"MENA\",\"roomId\":\"{roomId}\","
            + $"\"broadcasterId\":\"b-{roomId}\",\"category\":\"minor_safety\",\"score\":0.97,\"source\":\"video\"}}\n";
        return [.. body, .. Encoding.UTF8.GetBytes(line)];
    }

    private async Task SendAsync(byte[] body)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = Ndjson;
            request.Headers.Add(ApiKeyHeader, options.ApiKey);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var answer = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                Fail($"{(int)response.StatusCode} {response.ReasonPhrase}: {Encoding.UTF8.GetString(answer)}");
                return;
            }

            var counts = IngestAnswer.Read(answer);
            Interlocked.Add(ref _accepted, counts.Accepted);
            Interlocked.Add(ref _duplicates, counts.Duplicates);
            Interlocked.Add(ref _rejected, counts.Rejected);
            Interlocked.Increment(ref _requests);
            if (counts.FirstRejection is { } first)
            {
                Interlocked.CompareExchange(ref _firstError, "rejected " + first, null);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            Fail(exception.GetType().Name + ": " + exception.Message);
        }
    }

    private void Fail(string error)
    {
        Interlocked.Increment(ref _errors);
        Interlocked.CompareExchange(ref _firstError, error, null);
    }
}
