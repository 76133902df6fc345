using Vigil.Runtime.Persistence;
using Vigil.Runtime.Sqlite;

namespace Vigil.Runtime.StorageProbe;

/// <summary>
/// Rewrites all <c>grains</c> records in one batch per generation, forever, continuing from whatever generation the
/// file holds. Prints <c>begin N</c> just before a batch goes to SQLite, <c>ready</c> after the first commit and
/// <c>committed N</c> after each, so a test can kill the process at a known point of the write.
/// </summary>
internal static class Churn
{
    public static async Task<int> RunAsync(string dbPath, int grains, int payloadBytes)
    {
        await using var storage = new SqliteGrainStorage(new SqliteGrainStorageOptions { FilePath = dbPath });
        var etags = new string?[grains];
        var generation = 0L;
        for (var i = 0; i < grains; i++)
        {
            var stored = await storage.ReadAsync(ProbeRecords.GrainOf(i), ProbeRecords.StateName);
            if (stored is not null)
            {
                etags[i] = stored.Etag;
                generation = Math.Max(generation, ChurnPayload.ReadGeneration(stored.Payload));
            }
        }

        var ready = false;
        while (true)
        {
            generation++;
            var writes = new StateWrite[grains];
            for (var i = 0; i < grains; i++)
            {
                var grainId = ProbeRecords.GrainOf(i);
                writes[i] = new StateWrite(grainId, ProbeRecords.StateName, ChurnPayload.Create(generation, grainId.Key, payloadBytes), etags[i]);
            }

            Console.WriteLine($"begin {generation}");
            var results = await storage.WriteBatchAsync(writes);
            for (var i = 0; i < grains; i++)
            {
                if (!results[i].Succeeded)
                {
                    await Console.Error.WriteLineAsync($"Generation {generation}, grain {i}: {results[i].Error!.Message}");
                    return 1;
                }

                etags[i] = results[i].NewEtag;
            }

            if (!ready)
            {
                Console.WriteLine("ready");
                ready = true;
            }

            Console.WriteLine($"committed {generation}");
        }
    }
}
