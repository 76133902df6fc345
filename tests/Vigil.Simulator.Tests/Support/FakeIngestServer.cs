using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Vigil.Simulator.Tests.Support;

/// <summary>
/// A real Kestrel on 127.0.0.1 (port chosen by the OS) serving <c>POST /api/events</c> the way the contract describes:
/// 401 without the key, otherwise 202 with accepted / duplicates / rejected. Answers 503 to the first
/// <see cref="FailFirst"/> requests, to exercise retries.
/// </summary>
public sealed class FakeIngestServer : IAsyncDisposable
{
    public const string Key = "test-key";

    private readonly WebApplication app;
    private int failuresLeft;

    private FakeIngestServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<IngestRequest> Requests { get; } = new();

    public int FailFirst
    {
        init => failuresLeft = value;
    }

    public Uri BaseAddress => new(app.Urls.Single());

    /// <summary>Lines containing this text are rejected (one rejection per such line), for tallying tests.</summary>
    public string? RejectLinesContaining { get; init; }

    public static async Task<FakeIngestServer> StartAsync(int failFirst = 0, string? rejectLinesContaining = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FakeIngestServer(builder.Build()) { FailFirst = failFirst, RejectLinesContaining = rejectLinesContaining };
        server.app.MapPost("/api/events", (Func<HttpContext, Task<IResult>>)server.HandleAsync);
        await server.app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Requests.Enqueue(new IngestRequest(context.Request.Headers["X-Api-Key"].FirstOrDefault(), context.Request.ContentType, lines.Length, bytes));
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (context.Request.Headers["X-Api-Key"] != Key)
        {
            return Results.Unauthorized();
        }

        var rejected = lines.Select((line, index) => (line, index))
            .Where(l => RejectLinesContaining is { } marker && l.line.Contains(marker, StringComparison.Ordinal))
            .Select(l => new { line = l.index + 1, id = "?", error = "rejected by the test server" })
            .ToArray();
        return Results.Json(new { accepted = lines.Length - rejected.Length, duplicates = 0, rejected }, statusCode: StatusCodes.Status202Accepted);
    }
}
