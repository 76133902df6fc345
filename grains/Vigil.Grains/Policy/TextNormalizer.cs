using System.Buffers;
using System.Globalization;

namespace Vigil.Grains.Policy;

/// <summary>
/// Folds a chat line into the form keywords are matched in, undoing the usual evasions. One pass, no allocation
/// (the caller supplies the buffer; the output is never longer than the input):
/// <list type="bullet">
/// <item>lower-case; Latin accents fold (á->a, ü->u, ç->c, and ñ->n: people without a Spanish keyboard type "senor",
/// so a list must match both; the price is that "año" and "ano" become one word, so never list a keyword whose
/// meaning hangs on the tilde); full-width Latin and common Cyrillic/Greek look-alikes fold to ASCII;</item>
/// <item>Arabic: harakat, superscript alef and other combining marks are dropped, tatweel (U+0640) is dropped,
/// أ إ آ ٱ -> ا, ى ئ ی -> ي, ة -> ه, ؤ -> و, ک -> ك; Arabic-Indic digits become ASCII digits;</item>
/// <item>zero-width and other invisible format characters (U+200B-U+200F, U+2060, U+FEFF, soft hyphen) are dropped,
/// so they split nothing;</item>
/// <item>l33t: 0->o 1->i 3->e 4->a 5->s 7->t next to a Latin letter ("c0ca1ne"), @->a and $->s before a letter
/// ("@ss", "$ex"), ! and | (->i, ->l) only between letters, so "4 you", "2026" and "casino!" keep their meaning;</item>
/// <item>a run of three or more of one letter is an elongation and is cut to <c>elongatedRunLength</c> letters
/// (1: "fuuuck" -> "fuck"; 2: "asssss" -> "ass"); the screener matches both forms, so an elongated letter matches a
/// keyword's single or double letter. A double letter is kept as written: collapsing doubles too would turn the
/// keyword "ass" into "as" and "good" into "god", hitting ordinary words. The price is that one word elongating a
/// single and a double letter at once ("aaassshole") is missed, and so is a double typed single ("kil");</item>
/// <item>everything else (spaces, punctuation, emoji) becomes a single space, trimmed at both ends.</item>
/// </list>
/// Letters spaced out one by one ("s e x", "s.e.x") are handled by <see cref="TryJoinSpacedLetters(ReadOnlySpan{char}, Span{char}, int, out int)"/>, a second
/// form matched alongside this one.
/// </summary>
public static class TextNormalizer
{
    private const int StackLimit = 256;

    // Latin-1 Supplement and Latin Extended-A (U+00C0-U+017F) folded to a base letter; '\0' keeps the character.
    private static readonly string LatinFold =
        "aaaaaaaceeeeiiiidnooooo\0ouuuuy\0s" + "aaaaaaaceeeeiiiidnooooo\0ouuuuy\0y" +
        "aaaaaa" + "cccccccc" + "dddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + "iiiiiiiiii" + "ii" + "jj" + "kkk" +
        "llllllllll" + "nnnnnnnnn" + "oooooo" + "oo" + "rrrrrr" + "ssssssss" + "tttttt" + "uuuuuuuuuuuu" + "ww" +
        "yyy" + "zzzzzz" + "s";

    private enum Kind : byte
    {
        Skip,
        Letter,
        Digit,
        Symbol,
        Separator,
    }

    /// <summary>Normalises <paramref name="text"/> into a new string, elongations cut to two letters: the form keywords are stored in.</summary>
    public static string Normalize(string text) => Normalize(text, 2);

    /// <summary>Normalises <paramref name="text"/> into a new string, elongations cut to <paramref name="elongatedRunLength"/> (1 or 2) letters.</summary>
    public static string Normalize(string text, int elongatedRunLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[]? rented = null;
        Span<char> buffer = text.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            return new string(buffer[..Normalize(text, buffer, elongatedRunLength)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Writes the normalised form of <paramref name="text"/> to <paramref name="destination"/> (at least as long as
    /// the text) and returns its length: words of letters and digits separated by single spaces. Runs of three or
    /// more of one letter become <paramref name="elongatedRunLength"/> (1 or 2) letters.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination, int elongatedRunLength = 2) =>
        Normalize(text, destination, elongatedRunLength, out _);

    /// <summary>As <see cref="Normalize(ReadOnlySpan{char}, Span{char}, int)"/>; <paramref name="elongated"/> tells whether any run was cut.</summary>
    internal static int Normalize(ReadOnlySpan<char> text, Span<char> destination, int elongatedRunLength, out bool elongated)
    {
        if (destination.Length < text.Length)
        {
            throw new ArgumentException($"The destination must hold at least {text.Length} characters (holds {destination.Length}).", nameof(destination));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(elongatedRunLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(elongatedRunLength, 2);
        var length = 0;
        var run = 0;
        elongated = false;
        for (var i = 0; i < text.Length; i++)
        {
            var (kind, c) = Classify(text[i]);
            if (kind is Kind.Digit or Kind.Symbol)
            {
                var previousIsLatin = length > 0 && char.IsAsciiLetterLower(destination[length - 1]);
                var letter = LeetLetter(c, kind, previousIsLatin, NextIsLatinLetter(text, i + 1));
                if (letter != '\0')
                {
                    (kind, c) = (Kind.Letter, letter);
                }
                else if (kind == Kind.Symbol)
                {
                    kind = Kind.Separator;
                }
            }

            switch (kind)
            {
                case Kind.Skip:
                    break;
                case Kind.Letter:
                    AppendLetter(destination, ref length, ref run, c, elongatedRunLength);
                    elongated |= run == 3;
                    break;
                case Kind.Digit:
                    destination[length++] = c;
                    run = 0;
                    break;
                default:
                    if (length > 0 && destination[length - 1] != ' ')
                    {
                        destination[length++] = ' ';
                    }

                    run = 0;
                    break;
            }
        }

        return length > 0 && destination[length - 1] == ' ' ? length - 1 : length;
    }

    /// <summary>
    /// From a normalised text, joins every run of two or more one-letter words into one word ("s e x" -> "sex",
    /// l33t digits included: "s 3 x" -> "sex"), leaving other words as they are; repeated letters in the joined word
    /// follow the same <paramref name="elongatedRunLength"/> rule as <see cref="Normalize(ReadOnlySpan{char}, Span{char}, int)"/>. Returns false, writing nothing
    /// useful, when there is no such run, so callers can skip matching a second, identical form.
    /// A lone one-letter word ("i", "a", "و") is never joined, so ordinary sentences are untouched.
    /// </summary>
    public static bool TryJoinSpacedLetters(ReadOnlySpan<char> normalized, Span<char> destination, int elongatedRunLength, out int length) =>
        TryJoinSpacedLetters(normalized, destination, elongatedRunLength, out length, out _);

    /// <summary>As the public overload; <paramref name="elongated"/> tells whether joining made a run of 3+ that was cut.</summary>
    internal static bool TryJoinSpacedLetters(ReadOnlySpan<char> normalized, Span<char> destination, int elongatedRunLength, out int length, out bool elongated)
    {
        if (destination.Length < normalized.Length)
        {
            throw new ArgumentException($"The destination must hold at least {normalized.Length} characters (holds {destination.Length}).", nameof(destination));
        }

        length = 0;
        elongated = false;
        var joined = false;
        var i = 0;
        while (i < normalized.Length)
        {
            var rest = normalized[i..].IndexOf(' ');
            var end = rest < 0 ? normalized.Length : i + rest;
            if (end - i == 1 && IsJoinable(normalized[i]))
            {
                // A run of one-character words: each occupies "x " so the next starts two further on.
                var runEnd = i;
                var count = 0;
                var hasLetter = false;
                for (var j = i; j < normalized.Length && (j + 1 == normalized.Length || normalized[j + 1] == ' ') && IsJoinable(normalized[j]); j += 2)
                {
                    count++;
                    hasLetter |= char.IsLetter(normalized[j]);
                    runEnd = j + 1;
                }

                if (count >= 2 && hasLetter)
                {
                    if (length > 0)
                    {
                        destination[length++] = ' ';
                    }

                    var repeats = 0;
                    for (var j = i; j < runEnd; j += 2)
                    {
                        var c = char.IsLetter(normalized[j]) ? normalized[j] : LeetLetter(normalized[j], Kind.Digit, true, true);
                        AppendLetter(destination, ref length, ref repeats, c, elongatedRunLength);
                        elongated |= repeats == 3;
                    }

                    joined = true;
                    i = runEnd + 1;
                    continue;
                }
            }

            if (length > 0)
            {
                destination[length++] = ' ';
            }

            normalized[i..end].CopyTo(destination[length..]);
            length += end - i;
            i = end + 1;
        }

        return joined;
    }

    // Appends a letter, cutting a run of 3+ of it to elongatedRunLength letters.
    private static void AppendLetter(Span<char> destination, ref int length, ref int run, char c, int elongatedRunLength)
    {
        if (run == 0 || destination[length - 1] != c)
        {
            destination[length++] = c;
            run = 1;
            return;
        }

        run++;
        if (run == 2)
        {
            destination[length++] = c;
        }
        else if (run == 3 && elongatedRunLength == 1)
        {
            length--;
        }
    }

    private static bool IsJoinable(char c) => char.IsLetter(c) || LeetLetter(c, Kind.Digit, true, true) != '\0';

    private static bool NextIsLatinLetter(ReadOnlySpan<char> text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var (kind, c) = Classify(text[i]);
            if (kind != Kind.Skip)
            {
                return kind == Kind.Letter && char.IsAsciiLetterLower(c);
            }
        }

        return false;
    }

    private static char LeetLetter(char c, Kind kind, bool previousIsLatin, bool nextIsLatin)
    {
        var allowed = kind == Kind.Digit
            ? previousIsLatin || nextIsLatin
            : c is '@' or '$' ? nextIsLatin : previousIsLatin && nextIsLatin;
        if (!allowed)
        {
            return '\0';
        }

        return c switch
        {
            '0' => 'o',
            '1' => 'i',
            '3' => 'e',
            '4' => 'a',
            '5' => 's',
            '7' => 't',
            '@' => 'a',
            '$' => 's',
            '!' => 'i',
            '|' => 'l',
            _ => '\0',
        };
    }

    private static (Kind Kind, char Char) Classify(char c)
    {
        if (char.IsAscii(c))
        {
            if (char.IsAsciiLetterLower(c))
            {
                return (Kind.Letter, c);
            }

            if (char.IsAsciiLetterUpper(c))
            {
                return (Kind.Letter, (char)(c | 0x20));
            }

            if (char.IsAsciiDigit(c))
            {
                return (Kind.Digit, c);
            }

            return c is '@' or '$' or '!' or '|' ? (Kind.Symbol, c) : (Kind.Separator, c);
        }

        switch (c)
        {
            case '\u0640': // tatweel, the stretching stroke
            case >= '\u200B' and <= '\u200F': // zero-width space/joiners, direction marks
            case >= '\u2060' and <= '\u2064': // word joiner, invisible operators
            case '\uFEFF': // zero-width no-break space
            case '\u00AD': // soft hyphen
                return (Kind.Skip, c);
            case '\u0623' or '\u0625' or '\u0622' or '\u0671' or '\u0672' or '\u0673':
                return (Kind.Letter, '\u0627'); // alef with hamza/madda/wasla -> bare alef
            case '\u0649' or '\u0626' or '\u06CC':
                return (Kind.Letter, '\u064A'); // alef maqsura, yeh with hamza, Farsi yeh -> yeh
            case '\u0629':
                return (Kind.Letter, '\u0647'); // teh marbuta -> heh
            case '\u0624':
                return (Kind.Letter, '\u0648'); // waw with hamza -> waw
            case '\u06A9':
                return (Kind.Letter, '\u0643'); // keheh -> kaf
            case >= '\u0660' and <= '\u0669':
                return (Kind.Digit, (char)('0' + (c - '\u0660'))); // Arabic-Indic digits
            case >= '\u06F0' and <= '\u06F9':
                return (Kind.Digit, (char)('0' + (c - '\u06F0'))); // Extended Arabic-Indic digits
            case >= '\uFF01' and <= '\uFF5E':
                return Classify((char)(c - 0xFEE0)); // full-width ASCII
        }

        // Harakat (U+064B-U+065F), superscript alef (U+0670), Quranic marks and combining accents are marks;
        // other invisible characters are format characters.
        var category = char.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return (Kind.Skip, c);
        }

        if (char.IsLetter(c))
        {
            // Capitals first: lower-casing would lose the likeness (Greek capital eta looks like H, its small form like n).
            var latin = LookAlike(c);
            if (latin != c)
            {
                return (Kind.Letter, latin);
            }

            // Arabic and other caseless letters skip the culture-data lookup that lower-casing costs outside ASCII.
            var lower = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter ? char.ToLowerInvariant(c) : c;
            if (lower is >= '\u00C0' and <= '\u017F')
            {
                var folded = LatinFold[lower - '\u00C0'];
                return (Kind.Letter, folded == '\0' ? lower : folded);
            }

            return (Kind.Letter, LookAlike(lower));
        }

        return char.IsDigit(c) ? (Kind.Digit, c) : (Kind.Separator, c);
    }

    // Cyrillic and Greek letters drawn like Latin ones, a common way to slip "саsino" past a filter.
    private static char LookAlike(char c) => c switch
    {
        '\u0391' => 'a', // Greek capitals
        '\u0392' => 'b',
        '\u0395' => 'e',
        '\u0396' => 'z',
        '\u0397' => 'h',
        '\u0399' => 'i',
        '\u039A' => 'k',
        '\u039C' => 'm',
        '\u039D' => 'n',
        '\u039F' => 'o',
        '\u03A1' => 'p',
        '\u03A4' => 't',
        '\u03A5' => 'y',
        '\u03A7' => 'x',
        '\u0410' => 'a', // Cyrillic capitals
        '\u0412' => 'b',
        '\u0415' => 'e',
        '\u041A' => 'k',
        '\u041C' => 'm',
        '\u041D' => 'h',
        '\u041E' => 'o',
        '\u0420' => 'p',
        '\u0421' => 'c',
        '\u0422' => 't',
        '\u0425' => 'x',
        '\u0430' => 'a', // Cyrillic and Greek small letters
        '\u0435' => 'e',
        '\u043E' => 'o',
        '\u0440' => 'p',
        '\u0441' => 'c',
        '\u0443' => 'y',
        '\u0445' => 'x',
        '\u043A' => 'k',
        '\u0456' => 'i',
        '\u0458' => 'j',
        '\u0455' => 's',
        '\u03BF' => 'o',
        '\u03B1' => 'a',
        '\u03B5' => 'e',
        '\u03B9' => 'i',
        '\u03BA' => 'k',
        _ => c,
    };
}
