using System.Text;

namespace Vigil.Ingest.Parsing;

/// <summary>An enum's contract wire names, matched on UTF-8 bytes so a valid value allocates nothing.</summary>
internal sealed class WireEnum<T> where T : struct, Enum
{
    private readonly byte[][] _names;
    private readonly T[] _values;

    public WireEnum(IEnumerable<(string Name, T Value)> entries)
    {
        var list = entries.ToList();
        _names = [.. list.Select(e => Encoding.UTF8.GetBytes(e.Name))];
        _values = [.. list.Select(e => e.Value)];
        var names = list.Select(e => e.Name).ToList();
        Expected = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }

    /// <summary>The allowed names for an error message: <c>"video, audio, chat or image"</c>.</summary>
    public string Expected { get; }

    public bool TryParse(ReadOnlySpan<byte> utf8, out T value)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (utf8.SequenceEqual(_names[i]))
            {
                value = _values[i];
                return true;
            }
        }

        value = default;
        return false;
    }
}
