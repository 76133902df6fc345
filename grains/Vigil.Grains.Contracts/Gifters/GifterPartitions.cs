namespace Vigil.Grains.Contracts.Gifters;

/// <summary>
/// Which <see cref="IGifterLedgerGrain"/> keeps a user's gifts, by <see cref="IdHash"/> into <see cref="Count"/>
/// partitions. 1,024 keeps each partition's state a few kilobytes at a million one-off gifters a month while a busy
/// silo still batches several gifts per partition per write.
/// </summary>
public static class GifterPartitions
{
    public const int Count = 1024;

    private static readonly string[] Keys = [.. Enumerable.Range(0, Count).Select(i => i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))];

    public static string KeyOf(string userId) => Keys[IdHash(userId) % Count];

    /// <summary>
    /// A stable 64-bit hash of a user id (FNV-1a over its UTF-16 code units): the same in every process and release,
    /// since both the partition a user's gifts are stored in and the ledger's stored claimed set depend on it.
    /// </summary>
    public static ulong IdHash(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var hash = 14695981039346656037ul;
        foreach (var c in userId)
        {
            hash = (hash ^ c) * 1099511628211ul;
        }

        return hash;
    }
}
