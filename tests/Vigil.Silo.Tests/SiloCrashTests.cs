using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Grains.Alerts;
using Vigil.Grains.Rooms;
using Vigil.Runtime.Persistence;
using Vigil.Testing.Silo;

namespace Vigil.Silo.Tests;

public sealed class SiloCrashTests
{
    private const string ApiKey = "producer-key-0123456789";

    private static readonly IStateCodec<LiveRoomState> RoomCodec = new LiveRoomStateCodec();

    private static readonly IStateCodec<AlertCenterState> AlertCenterCodec = new AlertCenterStateCodec();

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Vigil__Ingest__ApiKeys__0"] = ApiKey,
        ["Vigil__Api__Tokens__0__Name"] = "ops",
        ["Vigil__Api__Tokens__0__Token"] = "operator-token-0123456789",
        ["Vigil__Api__Tokens__0__Roles__0"] = "operator",

        // Flush constantly, so a kill lands during a write-behind batch.
        ["Vigil__Runtime__FlushInterval"] = "00:00:00.100",
    };

    [Fact]
    public async Task ASiloKilledDuringWriteBehindLeavesEveryStoredStateReadable()
    {
        using var data = new TemporaryFolder();
        var round = 0;
        foreach (var batchesBeforeKill in new[] { 3, 6, 9 })
        {
            round++;
            await using var silo = SiloProcess.Start(data.Path, Settings);
            await silo.WaitUntilListening();
            using var http = new HttpClient { BaseAddress = silo.BaseAddress };
            for (var batch = 0; batch < batchesBeforeKill; batch++)
            {
                var response = await Post(http, round, batch);
                Assert.Equal(HttpStatusCode.Accepted, response);
            }

            silo.KillHard();
            await silo.WaitForExit("SIGKILL");

            AssertEveryStateIsWhole(Path.Combine(data.Path, "grain-state.db"));
        }

        await using var restarted = SiloProcess.Start(data.Path, Settings);
        await restarted.WaitUntilListening();
        using var client = new HttpClient { BaseAddress = restarted.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "operator-token-0123456789");
        using var room = await client.GetAsync("/api/rooms/crash-room-7");
        Assert.Equal(HttpStatusCode.OK, room.StatusCode);
    }

    private static void AssertEveryStateIsWhole(string file)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar() as string);

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT grain_type, grain_key, payload FROM grain_state";
        using var reader = read.ExecuteReader();
        var states = 0;
        while (reader.Read())
        {
            var payload = (byte[])reader["payload"];
            var grainType = (string)reader["grain_type"];
            if (grainType == "liveroom")
            {
                // Rooms and alert centers are stored in their codecs, which read a record only if it is complete.
                RoomCodec.Decode(payload);
            }
            else if (grainType == "alertcenter")
            {
                AlertCenterCodec.Decode(payload);
            }
            else
            {
                using var document = JsonDocument.Parse(payload);
                Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            }

            states++;
        }

        Assert.True(states > 0, "Some grain state should have been flushed before the kill.");
    }

    private static async Task<HttpStatusCode> Post(HttpClient http, int round, int batch)
    {
        var body = new StringBuilder();
        var ts = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        for (var i = 0; i < 1000; i++)
        {
            var room = "crash-room-" + (i % 400);
            body.Append(CultureInfo.InvariantCulture, $$"""{"id":"crash-{{round}}-{{batch}}-{{i}}","type":"moderation.score","ts":"{{ts}}","region":"NA","roomId":"{{room}}","broadcasterId":"b-{{room}}","category":"violence","score":0.{{i % 9}},"source":"video"}""").Append('\n');
        }

        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = content };
        request.Headers.Add("X-Api-Key", ApiKey);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
