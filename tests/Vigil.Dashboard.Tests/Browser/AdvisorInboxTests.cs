using Vigil.Dashboard.Tests.Browser.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigil.Dashboard.Tests.Browser;

[Collection(DashboardCollection.Name)]
public sealed class AdvisorInboxTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    [Fact]
    public Task AnAdvisorSeesTheirVipsNudgeAndNotAnotherAdvisors() => Scenario(async () =>
    {
        var amal = await Enter("advisor");
        var ben = await Enter("advisor2");
        await amal.SignIn(DemoUser.Advisor, "/inbox");
        await ben.SignIn(DemoUser.SecondAdvisor, "/inbox");
        var amalsVip = Unique.Id("vip");
        var bensVip = Unique.Id("vip");

        await Ingest.DriveChurn(amalsVip, "MENA", DemoUser.Advisor.UserName, Dashboard.Admin);
        await Ingest.DriveChurn(bensVip, "NA", DemoUser.SecondAdvisor.UserName, Dashboard.Admin);

        var amalsCards = amal.Page.GetByTestId("nudge-card");
        var bensCards = ben.Page.GetByTestId("nudge-card");
        await Expect(amalsCards.And(amal.Page.Locator($"[data-user-id='{amalsVip}']")), $"the nudge for {amalsVip} in advisor's inbox").ToBeVisibleAsync();
        await Expect(bensCards.And(ben.Page.Locator($"[data-user-id='{bensVip}']")), $"the nudge for {bensVip} in advisor2's inbox").ToBeVisibleAsync();
        await Expect(amalsCards.And(amal.Page.Locator($"[data-user-id='{bensVip}']")), "advisor2's VIP to be absent from advisor's inbox").ToHaveCountAsync(0);
        await Expect(bensCards.And(ben.Page.Locator($"[data-user-id='{amalsVip}']")), "advisor's VIP to be absent from advisor2's inbox").ToHaveCountAsync(0);
    });
}
