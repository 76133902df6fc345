namespace Vigil.Grains.Contracts.Gifters;

/// <summary>
/// Which <see cref="IGifterLedgerGrain"/> keeps a user's gifts: a stable hash of the user id (FNV-1a over its UTF-16
/// code units, the same in every process and release, since the partitions are stored) into <see cref="Count"/>
/// partitions. 1,024 keeps each partition's state a few kilobytes at a million one-off gifters a month while a busy
/// silo still batches several gifts per partition per write.
/// </summary>
public static class GifterPartitions
{
    public const int Count = 1024;

    private static readonly string[] Keys = [.. Enumerable.Range(0, Count).Select(i => i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))];

    public static string KeyOf(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var hash = 2166136261u;
        foreach (var c in userId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return Keys[hash % Count];
    }
}
