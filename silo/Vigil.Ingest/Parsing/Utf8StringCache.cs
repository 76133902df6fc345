using System.Text;

namespace Vigil.Ingest.Parsing;

/// <summary>
/// Turns short UTF-8 values that repeat within a body (room, broadcaster and user ids, language tags) into one shared
/// string each. Direct-mapped and overwritten on a clash, so it is a bounded 256 entries whatever the input.
/// </summary>
internal sealed class Utf8StringCache
{
    private const int Slots = 256;
    private const int MaxCachedBytes = 64;

    private readonly byte[]?[] _keys = new byte[Slots][];
    private readonly string?[] _values = new string[Slots];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxCachedBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var hash = new HashCode();
        hash.AddBytes(utf8);
        var slot = hash.ToHashCode() & (Slots - 1);
        if (_keys[slot] is { } key && utf8.SequenceEqual(key))
        {
            return _values[slot]!;
        }

        var value = Encoding.UTF8.GetString(utf8);
        _keys[slot] = utf8.ToArray();
        _values[slot] = value;
        return value;
    }
}
