using Vigil.Runtime.Persistence;
using Vigil.Runtime.Sqlite;

namespace Vigil.Runtime.StorageProbe;

/// <summary>Creates <c>count</c> records with known payloads in a new database and exits, closing the file.</summary>
internal static class WriteOnce
{
    private const int BatchSize = 1_000;

    public static async Task<int> RunAsync(string dbPath, int count)
    {
        await using var storage = new SqliteGrainStorage(new SqliteGrainStorageOptions { FilePath = dbPath });
        for (var start = 0; start < count; start += BatchSize)
        {
            var writes = Enumerable.Range(start, Math.Min(BatchSize, count - start))
                .Select(i => new StateWrite(ProbeRecords.GrainOf(i), ProbeRecords.StateName, ProbeRecords.KnownPayload(i), ExpectedEtag: null))
                .ToArray();
            var results = await storage.WriteBatchAsync(writes);
            var failed = Array.FindIndex(results, result => !result.Succeeded);
            if (failed >= 0)
            {
                await Console.Error.WriteLineAsync($"Record {start + failed} was not written: {results[failed].Error!.Message}");
                return 1;
            }
        }

        Console.WriteLine($"wrote {count}");
        return 0;
    }
}
