using System.Text.Json;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Rooms;

namespace Vigil.Grains.Tests.Rooms;

public sealed class RoomCategoriesTests
{
    [Fact]
    public void EntriesAreFoundByCategoryCountedOnceAndWalkedInCategoryOrder()
    {
        var categories = new RoomCategories();
        var hate = new RoomCategory { PeakScore = 0.4 };

        categories[Category.Hate] = hate;
        categories[Category.Nudity] = new RoomCategory { PeakScore = 0.9 };
        categories[Category.Hate] = hate;
        var added = categories.TryAdd(Category.Hate, new RoomCategory());

        Assert.False(added);
        Assert.Equal(2, categories.Count);
        Assert.Same(hate, categories[Category.Hate]);
        Assert.False(categories.TryGetValue(Category.Spam, out _));
        Assert.Throws<KeyNotFoundException>(() => categories[Category.Spam]);
        Assert.Equal([Category.Nudity, Category.Hate], categories.Select(p => p.Key));
        Assert.Equal([0.9, 0.4], categories.Values.Select(c => c.PeakScore));
    }

    [Fact]
    public void GetOrAddMarksACategoryPresentAndHandsOutTheSameEntryAfterwards()
    {
        var categories = new RoomCategories();

        var hate = categories.GetOrAdd(Category.Hate);
        hate.PeakScore = 0.4;

        Assert.Same(hate, categories.GetOrAdd(Category.Hate));
        Assert.Equal(1, categories.Count);
        Assert.False(categories.TryGetValue(Category.Spam, out _));
        Assert.Equal([Category.Hate], categories.Select(p => p.Key));
        Assert.False(categories.TryAdd(Category.Hate, new RoomCategory()));
        Assert.Equal(0.4, categories[Category.Hate].PeakScore);
    }

    [Fact]
    public void ACategoryThatIsNoneOfTheEnumsValuesIsRefusedByName()
    {
        var categories = new RoomCategories();

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => categories[(Category)99] = new RoomCategory());

        Assert.Equal("category", refused.ParamName);
        Assert.False(categories.TryGetValue((Category)99, out _));
    }

    [Fact]
    public void JsonIsTheObjectADictionaryOfCategoriesWasSoOlderRecordsLoad()
    {
        var before = new Dictionary<Category, RoomCategory> { [Category.Gambling] = new() { PeakScore = 0.7, OpenAlertId = "NA-a-1" } };
        var stored = JsonSerializer.Serialize(new { Categories = before });

        var room = JsonSerializer.Deserialize<LiveRoomState>(stored)!;

        Assert.Equal(0.7, room.Categories[Category.Gambling].PeakScore);
        Assert.Equal("NA-a-1", room.Categories[Category.Gambling].OpenAlertId);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(room.Categories));
    }

    [Fact]
    public void AStoredNullReadsAsARoomWithNoCategories()
    {
        var room = JsonSerializer.Deserialize<LiveRoomState>("""{"Categories":null}""")!;

        Assert.Equal(0, room.Categories.Count);
        Assert.True(room.IsCalm());
    }
}
