using System.Buffers;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Policy;

/// <summary>
/// Finds a policy's keywords in chat lines. Keywords and text go through <see cref="TextNormalizer"/>, then one
/// Aho-Corasick automaton finds every keyword in a single pass over each distinct form of the line: the word form
/// with elongations cut to two letters ("asssss" -> "ass") and to one ("fuuuck" -> "fuck"), and, when the line
/// has letters spaced out one by one, those forms with the runs joined ("c o c a i n e" -> "cocaine"). Most lines
/// have one form only. A multi-word keyword is also stored without its spaces ("betnow") so it matches when
/// squeezed together or spelled out letter by letter.
/// Hits count only at word boundaries, so "class" never hits "ass"; Arabic keywords may carry the attached
/// conjunctions, prepositions and article (و ف ب ك ل ال: "والمخدرات" hits "مخدرات").
/// Immutable and safe to share between threads. A line without hits allocates nothing.
/// </summary>
public sealed class KeywordScreener
{
    private const int StackLimit = 256;

    // Basic Latin to Arabic: the root is visited for most characters, so its edges are a direct table there.
    private const int RootTableSize = 0x0700;

    private readonly Entry[] _entries;
    private readonly Pattern[] _patterns;

    // The automaton as flat arrays: node n's edges are _edgeChars/_edgeTargets[_edgeStart[n] .. _edgeStart[n + 1]),
    // sorted by character for a binary search.
    private readonly int[] _edgeStart;
    private readonly char[] _edgeChars;
    private readonly int[] _edgeTargets;
    private readonly int[] _fail;
    private readonly int[] _patternAt;
    private readonly int[] _outputLink;
    private readonly int[] _rootNext;

    /// <summary>Builds a screener from the policy's lists: language -> category wire name -> keywords.</summary>
    /// <exception cref="ArgumentException">A category name is not one of contract v1's.</exception>
    public KeywordScreener(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> keywordsByLanguage)
    {
        ArgumentNullException.ThrowIfNull(keywordsByLanguage);
        var entries = new List<Entry>();
        var patterns = new List<(string Text, List<int> Entries)>();
        var patternIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new Dictionary<(Category, string), int>();
        var seen = new HashSet<(string, Category, string)>();

        foreach (var (language, byCategory) in keywordsByLanguage)
        {
            foreach (var (categoryName, keywords) in byCategory)
            {
                if (!EventNames.TryParseCategory(categoryName, out var category))
                {
                    throw new ArgumentException($"Keyword category '{categoryName}' (language {language}) is not a contract category.", nameof(keywordsByLanguage));
                }

                foreach (var keyword in keywords)
                {
                    var normalized = TextNormalizer.Normalize(keyword);
                    if (normalized.Length == 0 || !seen.Add((language, category, normalized)))
                    {
                        continue;
                    }

                    if (!groups.TryGetValue((category, normalized), out var group))
                    {
                        group = groups.Count;
                        groups.Add((category, normalized), group);
                    }

                    var entry = entries.Count;
                    entries.Add(new Entry(new KeywordHit(category, keyword, language), group));
                    AddPattern(normalized, entry);
                    if (normalized.Contains(' '))
                    {
                        AddPattern(TextNormalizer.Normalize(normalized.Replace(" ", "", StringComparison.Ordinal)), entry);
                    }
                }
            }
        }

        _entries = [.. entries];
        _patterns = [.. patterns.Select(p => new Pattern(p.Text.Length, IsArabic(p.Text[0]), [.. p.Entries]))];
        (_edgeStart, _edgeChars, _edgeTargets, _fail, _patternAt, _outputLink) = BuildAutomaton(patterns.Select(p => p.Text).ToList());
        _rootNext = new int[RootTableSize];
        Array.Fill(_rootNext, -1);
        for (var e = _edgeStart[0]; e < _edgeStart[1]; e++)
        {
            if (_edgeChars[e] < RootTableSize)
            {
                _rootNext[_edgeChars[e]] = _edgeTargets[e];
            }
        }

        void AddPattern(string text, int entry)
        {
            if (!patternIds.TryGetValue(text, out var id))
            {
                id = patterns.Count;
                patternIds.Add(text, id);
                patterns.Add((text, []));
            }

            patterns[id].Entries.Add(entry);
        }
    }

    /// <summary>How many distinct (language, category, keyword) entries the screener holds.</summary>
    public int Count => _entries.Length;

    /// <summary>
    /// The keywords found in one chat line, one hit per (category, keyword); when the same keyword is listed in
    /// several languages, the hit names <paramref name="language"/> (the line's <c>lang</c>, e.g. "es" or "es-MX")
    /// if it is one of them.
    /// </summary>
    public IReadOnlyList<KeywordHit> Screen(ReadOnlySpan<char> text, string? language = null)
    {
        if (text.IsEmpty || _entries.Length == 0)
        {
            return [];
        }

        char[]? rented = null;
        Span<char> buffer = text.Length <= StackLimit
            ? stackalloc char[StackLimit * 4]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length * 4));
        try
        {
            var n = text.Length;
            var collector = new Collector(this, language);

            // The one-letter-elongation forms are built only when a run of 3+ letters was actually cut.
            var doubled = buffer[..TextNormalizer.Normalize(text, buffer[..n], 2, out var elongated)];
            Scan(doubled, ref collector);
            var single = doubled;
            if (elongated)
            {
                single = buffer.Slice(n, n)[..TextNormalizer.Normalize(text, buffer.Slice(n, n), 1)];
                Scan(single, ref collector);
            }

            if (TextNormalizer.TryJoinSpacedLetters(doubled, buffer.Slice(2 * n, n), 2, out var length, out var joinElongated))
            {
                Scan(buffer.Slice(2 * n, length), ref collector);
            }

            if ((elongated || joinElongated) && TextNormalizer.TryJoinSpacedLetters(single, buffer.Slice(3 * n, n), 1, out length))
            {
                Scan(buffer.Slice(3 * n, length), ref collector);
            }

            return collector.Hits ?? (IReadOnlyList<KeywordHit>)[];
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private void Scan(ReadOnlySpan<char> text, ref Collector collector)
    {
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            int next;
            while ((next = Goto(state, c)) < 0 && state != 0)
            {
                state = _fail[state];
            }

            state = next < 0 ? 0 : next;
            for (var node = _patternAt[state] >= 0 ? state : _outputLink[state]; node >= 0; node = _outputLink[node])
            {
                var pattern = _patterns[_patternAt[node]];
                var start = i + 1 - pattern.Length;
                if (EndsWord(text, i + 1) && StartsWord(text, start, pattern))
                {
                    foreach (var entry in pattern.Entries)
                    {
                        collector.Add(entry);
                    }
                }
            }
        }
    }

    private int Goto(int node, char c)
    {
        if (node == 0 && c < RootTableSize)
        {
            return _rootNext[c];
        }

        var low = _edgeStart[node];
        var high = _edgeStart[node + 1] - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var edge = _edgeChars[middle];
            if (edge == c)
            {
                return _edgeTargets[middle];
            }

            if (edge < c)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    // Normalised text holds only letters, digits and single spaces; a digit ends a word too ("casino2026").
    private static bool IsWordBreak(char c) => c == ' ' || char.IsAsciiDigit(c);

    private static bool EndsWord(ReadOnlySpan<char> text, int end) => end >= text.Length || IsWordBreak(text[end]);

    private static bool StartsWord(ReadOnlySpan<char> text, int start, Pattern pattern)
    {
        if (start == 0 || IsWordBreak(text[start - 1]))
        {
            return true;
        }

        if (!pattern.IsArabic)
        {
            return false;
        }

        var wordStart = start;
        while (wordStart > 0 && !IsWordBreak(text[wordStart - 1]))
        {
            wordStart--;
        }

        return IsArabicProclitic(text[wordStart..start]);
    }

    // Optional conjunction (و ف), then "لل" (li + al) or an optional preposition (ب ك ل) and optional article (ال):
    // "وبالمخدرات", "للمخدرات".
    private static bool IsArabicProclitic(ReadOnlySpan<char> prefix)
    {
        if (prefix.Length > 0 && prefix[0] is '\u0648' or '\u0641')
        {
            prefix = prefix[1..];
        }

        if (prefix.SequenceEqual("\u0644\u0644"))
        {
            return true;
        }

        if (prefix.Length > 0 && prefix[0] is '\u0628' or '\u0643' or '\u0644')
        {
            prefix = prefix[1..];
        }

        return prefix.IsEmpty || prefix.SequenceEqual("\u0627\u0644");
    }

    private static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    // "es-MX" is in the "es" list; compared only when a keyword is listed in several languages.
    private static bool IsLanguage(string? lineLanguage, string listLanguage)
    {
        if (string.IsNullOrEmpty(lineLanguage))
        {
            return false;
        }

        var dash = lineLanguage.IndexOf('-');
        return lineLanguage.AsSpan(0, dash < 0 ? lineLanguage.Length : dash).Equals(listLanguage, StringComparison.OrdinalIgnoreCase);
    }

    private static (int[] EdgeStart, char[] EdgeChars, int[] EdgeTargets, int[] Fail, int[] PatternAt, int[] OutputLink) BuildAutomaton(List<string> patterns)
    {
        var children = new List<Dictionary<char, int>> { new() };
        var patternAt = new List<int> { -1 };
        for (var p = 0; p < patterns.Count; p++)
        {
            var node = 0;
            foreach (var c in patterns[p])
            {
                if (!children[node].TryGetValue(c, out var child))
                {
                    child = children.Count;
                    children[node].Add(c, child);
                    children.Add([]);
                    patternAt.Add(-1);
                }

                node = child;
            }

            patternAt[node] = p;
        }

        // Breadth first, so a node's failure target (a shorter suffix) is complete before the node itself.
        var fail = new int[children.Count];
        var outputLink = new int[children.Count];
        outputLink[0] = -1;
        var queue = new Queue<int>();
        foreach (var child in children[0].Values)
        {
            fail[child] = 0;
            outputLink[child] = -1;
            queue.Enqueue(child);
        }

        while (queue.TryDequeue(out var node))
        {
            foreach (var (c, child) in children[node])
            {
                var f = fail[node];
                int target;
                while (!children[f].TryGetValue(c, out target) && f != 0)
                {
                    f = fail[f];
                }

                fail[child] = children[f].TryGetValue(c, out target) && target != child ? target : 0;
                outputLink[child] = patternAt[fail[child]] >= 0 ? fail[child] : outputLink[fail[child]];
                queue.Enqueue(child);
            }
        }

        var edgeStart = new int[children.Count + 1];
        var edgeChars = new List<char>();
        var edgeTargets = new List<int>();
        for (var node = 0; node < children.Count; node++)
        {
            edgeStart[node] = edgeChars.Count;
            foreach (var (c, child) in children[node].OrderBy(e => e.Key))
            {
                edgeChars.Add(c);
                edgeTargets.Add(child);
            }
        }

        edgeStart[children.Count] = edgeChars.Count;
        return (edgeStart, [.. edgeChars], [.. edgeTargets], fail, [.. patternAt], outputLink);
    }

    private sealed record Entry(KeywordHit Hit, int Group);

    private sealed record Pattern(int Length, bool IsArabic, int[] Entries);

    /// <summary>Keeps one hit per (category, normalised keyword), preferring the line's language.</summary>
    private struct Collector(KeywordScreener owner, string? language)
    {
        private List<int>? _groups;

        public List<KeywordHit>? Hits { get; private set; }

        public void Add(int entryIndex)
        {
            var entry = owner._entries[entryIndex];
            Hits ??= [];
            _groups ??= [];
            var existing = _groups.IndexOf(entry.Group);
            if (existing < 0)
            {
                _groups.Add(entry.Group);
                Hits.Add(entry.Hit);
            }
            else if (!IsLanguage(language, Hits[existing].Language) && IsLanguage(language, entry.Hit.Language))
            {
                Hits[existing] = entry.Hit;
            }
        }
    }
}
