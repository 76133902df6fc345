using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// The floor of the latency benchmark (<c>latency --latency-floor</c>): no silo, only what any server of the same
/// requests must do. Real Kestrel on a free loopback port takes <c>POST /api/events</c>, reads the body, reads every
/// line with System.Text.Json (every token, every string materialized: <see cref="JsonBaseline.ParseBody"/>) and
/// answers 202 with the accepted count. A probe's "alert" is the moment its body has been read, so the latency
/// measured against this host is HTTP, the client, the parse and the machine: what no change to Vigil can take off
/// its own figure.
/// </summary>
internal sealed class LatencyFloorHost : IAsyncDisposable
{
    private static readonly byte[] ProbeRoom = "\"roomId\":\"probe-"u8.ToArray();

    private readonly WebApplication _app;

    private LatencyFloorHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts the host; <paramref name="probeRead"/> is called with a probe's room id as soon as its line is read.</summary>
    public static async Task<LatencyFloorHost> StartAsync(string apiKey, Action<string> probeRead)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--urls", "http://127.0.0.1:0"],
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/events", (HttpContext context) => HandleAsync(context, apiKey, probeRead));
        await app.StartAsync();
        var address = app.Urls.First();
        return new LatencyFloorHost(app, new Uri(address.Replace("[::]", IPAddress.Loopback.ToString(), StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task HandleAsync(HttpContext context, string apiKey, Action<string> probeRead)
    {
        if (context.Request.Headers["X-Api-Key"] != apiKey)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var reader = context.Request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync(context.RequestAborted);
            if (read.IsCompleted)
            {
                break;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        var length = (int)read.Buffer.Length;
        var body = ArrayPool<byte>.Shared.Rent(length);
        int accepted;
        try
        {
            read.Buffer.CopyTo(body);
            reader.AdvanceTo(read.Buffer.End);
            accepted = ReadLines(body.AsSpan(0, length), probeRead);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($"{{\"accepted\":{accepted},\"duplicates\":0,\"rejected\":[]}}", Encoding.UTF8);
    }

    /// <summary>
    /// The baseline's work on the body, then the probe: the load client appends it as the body's last line, written
    /// as <c>"roomId":"probe-...</c>, so it is found once the whole body has been read, as the silo finds it.
    /// </summary>
    private static int ReadLines(ReadOnlySpan<byte> body, Action<string> probeRead)
    {
        GC.KeepAlive(JsonBaseline.ParseBody(body));
        var probe = body.IndexOf(ProbeRoom);
        if (probe >= 0)
        {
            var id = body[(probe + ProbeRoom.Length - "probe-".Length)..];
            probeRead(Encoding.UTF8.GetString(id[..id.IndexOf((byte)'"')]));
        }

        return body.Count((byte)'\n') + (body.IsEmpty || body[^1] == (byte)'\n' ? 0 : 1);
    }
}
