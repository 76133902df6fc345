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
            var wasGrowing = set.IsMoving;
            Assert.True(set.Add(key));
            added.Add(key);
            if (set.IsMoving && !wasGrowing)
            {
                growths++;
            }

            if (set.IsMoving && i % 97 == 0)
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
    public void ARemovalWhileMovingLeavesTheMoveToLaterAddsAndRemovesOnlyItsId()
    {
        var set = new UInt64HashSet();
        ulong key = 0;
        while (!set.IsMoving)
        {
            set.Add(++key * 0x9E3779B97F4A7C15UL);
        }

        // Key 1 sits somewhere in the old table; the move has just begun, so most ids are not moved yet.
        Assert.True(set.Remove(1 * 0x9E3779B97F4A7C15UL));
        Assert.False(set.Remove(1 * 0x9E3779B97F4A7C15UL));

        Assert.True(set.IsMoving);
        Assert.Equal((int)key - 1, set.Count);
        Assert.False(set.Contains(1 * 0x9E3779B97F4A7C15UL));
        for (ulong k = 2; k <= key; k++)
        {
            Assert.True(set.Contains(k * 0x9E3779B97F4A7C15UL));
        }

        // Adds finish the move; the removed id stays out of the new table, and can come back as new.
        var last = key;
        while (set.IsMoving)
        {
            set.Add(++key * 0x9E3779B97F4A7C15UL);
        }

        Assert.False(set.Contains(1 * 0x9E3779B97F4A7C15UL));
        Assert.Equal((int)key - 1, set.Count);
        Assert.True(set.Add(1 * 0x9E3779B97F4A7C15UL));
        Assert.True(set.Contains(last * 0x9E3779B97F4A7C15UL));
    }

    [Fact]
    public void AddsAndRemovesAcrossGrowthsAndShrinksAgreeWithHashSet()
    {
        var random = new Random(11);
        var set = new UInt64HashSet();
        var model = new HashSet<ulong>();
        var keys = new List<ulong>();
        var moves = 0;

        // Up to 60,000 ids (several doublings), down to a few hundred (halvings), and up again, with removals during
        // every move and re-adds of removed ids.
        foreach (var (target, addShare) in new[] { (60_000, 0.8), (300, 0.2), (30_000, 0.75) })
        {
            while (addShare > 0.5 ? model.Count < target : model.Count > target)
            {
                var wasMoving = set.IsMoving;
                if (random.NextDouble() < addShare || keys.Count == 0)
                {
                    var key = ((ulong)random.Next(1, 200_000) * 0x9E3779B97F4A7C15UL) | 2;
                    if (model.Add(key))
                    {
                        keys.Add(key);
                    }
                    else
                    {
                        Assert.False(set.Add(key));
                        continue;
                    }

                    Assert.True(set.Add(key));
                }
                else
                {
                    var at = random.Next(keys.Count);
                    var key = keys[at];
                    keys[at] = keys[^1];
                    keys.RemoveAt(keys.Count - 1);
                    Assert.True(model.Remove(key));
                    Assert.True(set.Remove(key));
                    Assert.False(set.Contains(key));
                }

                if (set.IsMoving && !wasMoving)
                {
                    moves++;
                }
            }

            Assert.Equal(model.Count, set.Count);
            Assert.All(model, key => Assert.True(set.Contains(key)));
        }

        Assert.True(moves >= 10, $"the table was resized {moves} times");
    }

    [Fact]
    public void TheDoubledTableIsMappedBeforeTheGrowthThatUsesIt()
    {
        var set = new UInt64HashSet();
        var capacity = set.Capacity;
        ulong key = 0;
        while ((set.Count + 1) * 10L <= capacity * 7L)
        {
            set.Add(++key * 0x9E3779B97F4A7C15UL);
        }

        Assert.True(set.NextTableReady);
        set.Add(++key * 0x9E3779B97F4A7C15UL);

        Assert.True(set.IsMoving);
        Assert.Equal(capacity * 2, set.Capacity);
        Assert.False(set.NextTableReady);
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    public void EmptyAndRemovedMarksAreNotHashes(ulong hash)
    {
        var set = new UInt64HashSet();

        Assert.Throws<ArgumentOutOfRangeException>(() => set.Add(hash));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Contains(hash));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Remove(hash));
    }

    [Fact]
    public void SetShrinksWhenMostEntriesAreRemovedAndKeepsTheRest()
    {
        var set = new UInt64HashSet();
        for (ulong i = 1; i <= 100_000; i++)
        {
            set.Add(i * 0x9E3779B97F4A7C15UL);
        }

        // Let the last growth finish, so the removals below can start a shrink.
        ulong extra = 100_000;
        while (set.IsMoving)
        {
            set.Add(++extra * 0x9E3779B97F4A7C15UL);
        }

        for (var i = 100_001UL; i <= extra; i++)
        {
            set.Remove(i * 0x9E3779B97F4A7C15UL);
        }

        var grown = set.Capacity;
        for (ulong i = 1; i <= 99_000; i++)
        {
            set.Remove(i * 0x9E3779B97F4A7C15UL);
        }

        // Removals start the halving; adds move the ids over.
        Assert.True(set.IsMoving);
        for (var i = extra + 1; set.IsMoving; i++)
        {
            set.Add(i * 0x9E3779B97F4A7C15UL);
            set.Remove(i * 0x9E3779B97F4A7C15UL);
        }

        Assert.True(set.Capacity < grown, $"capacity {set.Capacity} after {grown}");
        Assert.Equal(1_000, set.Count);
        Assert.True(set.Contains(unchecked(100_000 * 0x9E3779B97F4A7C15UL)));
        Assert.False(set.Contains(unchecked(5 * 0x9E3779B97F4A7C15UL)));
    }
}
