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
