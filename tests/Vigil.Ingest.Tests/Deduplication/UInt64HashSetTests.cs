using Vigil.Ingest.Deduplication;

namespace Vigil.Ingest.Tests.Deduplication;

public sealed class UInt64HashSetTests
{
    [Fact]
    public void RandomAddsAndRemovesAgreeWithHashSet()
    {
        var random = new Random(7);
        var set = new UInt64HashSet();
        var model = new HashSet<ulong>();

        for (var i = 0; i < 200_000; i++)
        {
            // A small key space forces long probe runs, wrap-around and back-shifts across them.
            var key = (ulong)random.Next(1, 20_000) * 0x9E3779B97F4A7C15UL | 1;
            if (random.Next(3) == 0)
            {
                Assert.Equal(model.Remove(key), set.Remove(key));
            }
            else
            {
                Assert.Equal(model.Add(key), set.Add(key));
            }
        }

        Assert.Equal(model.Count, set.Count);
        Assert.All(model, key => Assert.True(set.Contains(key)));
    }

    [Fact]
    public void GrowingMovesIdsOverLaterAddsAndKnowsEveryIdThroughout()
    {
        var set = new UInt64HashSet();
        var added = new List<ulong>();
        var growths = 0;

        for (ulong i = 1; i <= 300_000; i++)
        {
            var key = i * 0x9E3779B97F4A7C15UL;
            var wasGrowing = set.IsGrowing;
            Assert.True(set.Add(key));
            added.Add(key);
            if (set.IsGrowing && !wasGrowing)
            {
                growths++;
            }

            if (set.IsGrowing && i % 97 == 0)
            {
                // Mid-move, ids from before the growth and since are all known, and none can be added twice.
                var earlier = added[(int)(i * 31 % (ulong)added.Count)];
                Assert.True(set.Contains(earlier));
                Assert.False(set.Add(earlier));
            }
        }

        Assert.True(growths >= 8, $"the table grew {growths} times");
        Assert.Equal(added.Count, set.Count);
        Assert.All(added, key => Assert.True(set.Contains(key)));
    }

    [Fact]
    public void ARemovalWhileGrowingFinishesTheMoveAndRemovesOnlyItsId()
    {
        var set = new UInt64HashSet();
        ulong key = 0;
        while (!set.IsGrowing)
        {
            set.Add(++key * 0x9E3779B97F4A7C15UL);
        }

        Assert.True(set.Remove(1 * 0x9E3779B97F4A7C15UL));

        Assert.False(set.IsGrowing);
        Assert.Equal((int)key - 1, set.Count);
        Assert.False(set.Contains(1 * 0x9E3779B97F4A7C15UL));
        for (ulong k = 2; k <= key; k++)
        {
            Assert.True(set.Contains(k * 0x9E3779B97F4A7C15UL));
        }
    }

    [Fact]
    public void SetShrinksWhenMostEntriesAreRemovedAndKeepsTheRest()
    {
        var set = new UInt64HashSet();
        for (ulong i = 1; i <= 100_000; i++)
        {
            set.Add(i * 0x9E3779B97F4A7C15UL);
        }

        for (ulong i = 1; i <= 99_000; i++)
        {
            set.Remove(i * 0x9E3779B97F4A7C15UL);
        }

        Assert.Equal(1_000, set.Count);
        Assert.True(set.Contains(unchecked(100_000 * 0x9E3779B97F4A7C15UL)));
        Assert.False(set.Contains(unchecked(5 * 0x9E3779B97F4A7C15UL)));
    }
}
