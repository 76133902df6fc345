namespace Vigil.Grains.Gifters;

/// <summary>A stable 64-bit hash of a user id (FNV-1a over its UTF-16 code units), for the claimed set that is stored.</summary>
public static class GifterIdHash
{
    public static ulong Of(string userId)
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
