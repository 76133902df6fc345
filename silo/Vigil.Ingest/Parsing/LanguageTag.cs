namespace Vigil.Ingest.Parsing;

/// <summary>
/// The syntax of a BCP 47 language tag (<c>ar</c>, <c>en</c>, <c>pt-BR</c>, <c>zh-Hant-TW</c>): hyphen-separated
/// subtags of 1-8 ASCII letters or digits, the first 2-8 letters (or <c>x</c>/<c>i</c> for private and legacy tags),
/// at most 35 characters. Registry membership is not checked: a new subtag must not reject a producer's events.
/// </summary>
internal static class LanguageTag
{
    public const int MaxLength = 35;

    public static bool IsValid(ReadOnlySpan<byte> tag)
    {
        if (tag.Length is 0 or > MaxLength)
        {
            return false;
        }

        var first = true;
        foreach (var range in tag.Split((byte)'-'))
        {
            var subtag = tag[range];
            if (subtag.Length is 0 or > 8)
            {
                return false;
            }

            foreach (var b in subtag)
            {
                if (!char.IsAsciiLetterOrDigit((char)b) || (first && !char.IsAsciiLetter((char)b)))
                {
                    return false;
                }
            }

            if (first && subtag.Length == 1 && (subtag[0] | 0x20) is not ('x' or 'i'))
            {
                return false;
            }

            first = false;
        }

        return true;
    }
}
