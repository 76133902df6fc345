namespace Vigil.Simulator.Generation;

/// <summary>The platform's gifts and their coin prices; a wanted spend becomes a gift id and a value (price times count).</summary>
internal static class GiftCatalog
{
    private static readonly (string Id, long Price)[] Gifts =
    [
        ("rose", 1), ("heart", 5), ("kiss", 10), ("lollipop", 30), ("teddy", 99), ("crown", 299),
        ("sportscar", 520), ("yacht", 1314), ("castle", 3344), ("rocket", 9999), ("universe", 29999),
    ];

    /// <summary>The dearest gift not above <paramref name="coins"/>, sent as many times as gets closest (at most 99).</summary>
    public static (string GiftId, long Value) ForSpend(double coins)
    {
        var pick = Gifts[0];
        foreach (var gift in Gifts)
        {
            if (gift.Price <= coins)
            {
                pick = gift;
            }
        }

        var count = Math.Clamp((long)Math.Round(coins / pick.Price), 1, 99);
        return (pick.Id, pick.Price * count);
    }
}
