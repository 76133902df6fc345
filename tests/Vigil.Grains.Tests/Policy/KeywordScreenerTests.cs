using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Policy;

namespace Vigil.Grains.Tests.Policy;

public sealed class KeywordScreenerTests
{
    private static readonly KeywordScreener Screener = DefaultPolicy.Compiled.Screener;

    [Theory]
    [InlineData("تعال إلى الكَازِيـــنُو الليلة")] // diacritics, tatweel, article
    [InlineData("وين ألاقي مُخَدّرات")] // shadda and damma
    [InlineData("والمخدرات")] // conjunction + article attached
    [InlineData("فكرت في الإنتحار")] // alef with hamza
    [InlineData("كم عُمرِك؟")]
    public void ArabicKeywordWithDiacriticsTatweelOrLetterVariantsHits(string line)
    {
        var hits = Screener.Screen(line);

        Assert.Contains(hits, h => h.Language == "ar");
    }

    [Theory]
    [InlineData("buy c0ca1ne here", Category.Drugs)] // l33t
    [InlineData("c o c a i n e anyone?", Category.Drugs)] // spaced
    [InlineData("want some s.e.x", Category.Sexual)] // dotted
    [InlineData("s-e-x tonight", Category.Sexual)] // dashed
    [InlineData("co\u200Bca\u200Bine", Category.Drugs)] // zero-width
    [InlineData("caaasiiinoooo tonight", Category.Gambling)] // elongated letters
    [InlineData("s e e e e x", Category.Sexual)] // spaced and elongated
    [InlineData("i want to kiiiill myseeelf", Category.SelfHarm)] // repeated letters in a phrase
    [InlineData("BET   NOW!!!", Category.Gambling)] // case and punctuation
    [InlineData("betnow", Category.Gambling)] // phrase squeezed together
    [InlineData("Ηow οld are yоu", Category.MinorSafety)] // Greek and Cyrillic look-alikes
    public void EvasionsOfAnEnglishKeywordStillHit(string line, Category expected)
    {
        var hits = Screener.Screen(line);

        Assert.Contains(hits, h => h.Category == expected);
    }

    [Theory]
    [InlineData("I passed my class assessment")]
    [InlineData("as good as it gets")]
    [InlineData("the method uses methane")]
    [InlineData("Essex is sexier than Sussex")]
    [InlineData("s e x y")]
    [InlineData("the casinos were closed")]
    public void InnocentWordsContainingAKeywordDoNotHit(string line)
    {
        var screener = Build(("en", "harassment", "ass"), ("en", "drugs", "meth"), ("en", "sexual", "sex"), ("en", "gambling", "casino"));

        var hits = screener.Screen(line);

        Assert.Empty(hits);
    }

    [Theory]
    [InlineData("you asssss")]
    [InlineData("fuuuuck this")]
    public void ElongatedLettersMatchASingleOrDoubleLetterOfTheKeyword(string line)
    {
        var screener = Build(("en", "harassment", "ass"), ("en", "harassment", "fuck"));

        var hits = screener.Screen(line);

        Assert.Single(hits);
    }

    [Fact]
    public void ArabicKeywordInsideALongerUnrelatedWordDoesNotHit()
    {
        // "حشيش" (hashish) inside a longer word that only shares the letters; no Arabic proclitic precedes it.
        var hits = Screener.Screen("محشيشات");

        Assert.Empty(hits);
    }

    [Theory]
    [InlineData("¿CUÁNTOS AÑOS TIENES?", Category.MinorSafety)]
    [InlineData("vendo cocaina barata", Category.Drugs)]
    [InlineData("pienso en el suicidio", Category.SelfHarm)]
    public void SpanishAccentsFoldSoEitherSpellingHits(string line, Category expected)
    {
        var hits = Screener.Screen(line, "es");

        Assert.Contains(hits, h => h.Category == expected && h.Language == "es");
    }

    [Fact]
    public void AKeywordListedInTwoLanguagesHitsOnceInTheLinesLanguage()
    {
        var hits = Screener.Screen("vamos al casino", "es-MX");

        var hit = Assert.Single(hits);
        Assert.Equal(new KeywordHit(Category.Gambling, "casino", "es"), hit);
    }

    [Fact]
    public void AHitNamesTheKeywordAsThePolicyListsIt()
    {
        var hits = Screener.Screen("¿cuantos anos tienes?");

        Assert.Equal("cuántos años tienes", Assert.Single(hits).Keyword);
    }

    [Fact]
    public void ALineWithoutKeywordsHasNoHits()
    {
        var hits = Screener.Screen("great stream, love the music! 🎵🎶");

        Assert.Empty(hits);
    }

    [Fact]
    public void AHitInAChatLineLongerThanTheStackBufferIsFound()
    {
        var line = new string('x', 1500) + " free spins " + new string('y', 400);

        var hits = Screener.Screen(line);

        Assert.Contains(hits, h => h.Keyword == "free spins");
    }

    [Fact]
    public void OverlappingKeywordsAreAllFound()
    {
        var screener = Build(("en", "drugs", "buy weed"), ("en", "drugs", "weed"), ("en", "spam", "weed now"));

        var hits = screener.Screen("buy weed now");

        Assert.Equal(["buy weed", "weed", "weed now"], hits.Select(h => h.Keyword).Order());
    }

    private static KeywordScreener Build(params (string Language, string Category, string Keyword)[] entries) =>
        new(entries
            .GroupBy(e => e.Language)
            .ToDictionary(
                l => l.Key,
                l => (IReadOnlyDictionary<string, IReadOnlyList<string>>)l
                    .GroupBy(e => e.Category)
                    .ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Select(e => e.Keyword).ToList())));
}
