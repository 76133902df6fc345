using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Testing.Silo;

namespace Vigil.Silo.Tests;

public sealed class IdempotencyAcrossRestartTests
{
    private const string ProducerKey = "producer-key-0123456789";

    private static readonly Dictionary<string, string> Settings = new() { ["Vigil__Ingest__ApiKeys__0"] = ProducerKey };

    [Fact]
    public async Task AnEventSentAgainAfterARestartIsCountedAsADuplicate()
    {
        using var data = new TemporaryFolder();
        var events = Events("restart-1", "restart-2");
        await using (var first = SiloProcess.Start(data.Path, Settings))
        {
            await first.WaitUntilListening();
            Assert.Equal((2, 0), await Post(first, events));
            first.Terminate();
            Assert.Equal(0, await first.WaitForExit("a graceful shutdown"));
        }

        await using var second = SiloProcess.Start(data.Path, Settings);
        await second.WaitUntilListening();
        var retried = await Post(second, events + Events("restart-3"));

        Assert.Equal((1, 2), retried);
    }

    private static string Events(params string[] ids)
    {
        var ts = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var body = new StringBuilder();
        foreach (var id in ids)
        {
            body.Append(CultureInfo.InvariantCulture, $$"""{"id":"{{id}}","type":"follow","ts":"{{ts}}","region":"EU","roomId":"r-1","broadcasterId":"b-1","userId":"u-{{id}}"}""").Append('\n');
        }

        return body.ToString();
    }

    private static async Task<(int Accepted, int Duplicates)> Post(SiloProcess silo, string ndjson)
    {
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson") };
        request.Headers.Add("X-Api-Key", ProducerKey);
        using var response = await http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("accepted").GetInt32(), body.RootElement.GetProperty("duplicates").GetInt32());
    }
}
