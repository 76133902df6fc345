using Vigil.Grains.Advisors;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Vips;

namespace Vigil.Grains.Tests.Vips;

public sealed class RosterCsvTests
{
    [Fact]
    public void EachBadLineIsReportedWithItsLineAndFieldAndTheGoodLinesAreKept()
    {
        const string csv = "userId,advisorId,tier\r\nu-1,adv-1,gold\r\n\r\nu-2,,silver\r\nu-3,adv-2,golden\r\nu-4,adv-1,\r\nu-1,adv-2,silver\r\nu-5,adv-1,gold,extra\r\n";

        var (entries, errors) = RosterCsv.Parse(csv, Region.EU);

        Assert.Equal(["u-1", "u-4"], entries.Select(e => e.UserId));
        Assert.Equal(VipTier.Gold, entries[0].Tier);
        Assert.Null(entries[1].Tier);
        Assert.All(entries, e => Assert.Equal(Region.EU, e.Region));
        Assert.Equal(
            [
                "line 4, advisorId: is missing",
                "line 5, tier: 'golden' is not a tier; use one of none, bronze, silver, gold, platinum, or leave it empty to follow spend",
                "line 7, userId: 'u-1' is already on line 2",
                "line 8, line: has 4 fields; expected 3: userId,advisorId,tier",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ALineWithOnlyAUserIdNamesTheMissingAdvisor()
    {
        var (entries, errors) = RosterCsv.Parse("u-1", Region.NA);

        Assert.Empty(entries);
        var error = Assert.Single(errors);
        Assert.Equal((1, "advisorId"), (error.Line, error.Field));
    }
}
