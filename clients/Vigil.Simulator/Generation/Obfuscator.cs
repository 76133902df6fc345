using System.Text;

namespace Vigil.Simulator.Generation;

/// <summary>
/// The evasions keyword filters must see through: l33t digits, spaced or dotted letters for Latin script; tatweel
/// (U+0640) stretching and harakat (diacritics, U+064E-U+0652) for Arabic.
/// </summary>
internal static class Obfuscator
{
    private const char Tatweel = '\u0640';

    private static readonly char[] Harakat = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652'];

    public static string Evade(SimRandom random, string line, string lang) => lang == "ar"
        ? random.Chance(0.5) ? Stretch(random, line) : AddDiacritics(random, line)
        : random.Next(3) switch
        {
            0 => Leet(line),
            1 => SpaceOut(line, ' '),
            _ => SpaceOut(line, '.'),
        };

    public static string Leet(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            builder.Append(char.ToLowerInvariant(c) switch
            {
                'a' => '4',
                'e' => '3',
                'i' => '1',
                'o' => '0',
                's' => '5',
                't' => '7',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>Separates the letters of the longest word: <c>casino</c> becomes <c>c a s i n o</c>.</summary>
    public static string SpaceOut(string line, char separator)
    {
        var words = line.Split(' ');
        var longest = words.OrderByDescending(w => w.Length).First();
        var spaced = string.Join(separator, longest.ToCharArray());
        return string.Join(' ', words.Select(w => ReferenceEquals(w, longest) ? spaced : w));
    }

    /// <summary>Inserts tatweel between Arabic letters, which joins them visually and breaks exact matching.</summary>
    public static string Stretch(SimRandom random, string line)
    {
        var builder = new StringBuilder(line.Length * 2);
        for (var i = 0; i < line.Length; i++)
        {
            builder.Append(line[i]);
            if (i + 1 < line.Length && IsArabicLetter(line[i]) && IsArabicLetter(line[i + 1]) && random.Chance(0.6))
            {
                builder.Append(Tatweel, random.Next(1, 4));
            }
        }

        return builder.ToString();
    }

    public static string AddDiacritics(SimRandom random, string line)
    {
        var builder = new StringBuilder(line.Length * 2);
        foreach (var c in line)
        {
            builder.Append(c);
            if (IsArabicLetter(c) && random.Chance(0.7))
            {
                builder.Append(random.Pick(Harakat));
            }
        }

        return builder.ToString();
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A';
}
