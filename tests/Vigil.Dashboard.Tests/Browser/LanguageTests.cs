using System.Text.RegularExpressions;
using Vigil.Dashboard.Tests.Browser.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigil.Dashboard.Tests.Browser;

[Collection(DashboardCollection.Name)]
public sealed class LanguageTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    /// <summary>Translated labels differ in width, so a mirrored element lands near, not exactly on, its mirror image.</summary>
    private const double MirrorTolerance = 200;

    [Fact]
    public Task TheArabicUiRendersRightToLeft() => Scenario(async () =>
    {
        var arabic = await Enter("advisor");
        var english = await Enter("advisor2");

        await arabic.SignIn(DemoUser.Advisor, "/inbox");
        await english.SignIn(DemoUser.SecondAdvisor, "/inbox");

        var html = arabic.Page.Locator("html");
        await Expect(html, "the Arabic page's <html lang>").ToHaveAttributeAsync("lang", "ar");
        await Expect(html, "the Arabic page's <html dir>").ToHaveAttributeAsync("dir", "rtl");
        await Expect(english.Page.Locator("html"), "the English page's <html dir> to stay left-to-right").Not.ToHaveAttributeAsync("dir", "rtl");
        Assert.Equal("rtl", await arabic.Page.GetByTestId("nav-inbox").EvaluateAsync<string>("e => getComputedStyle(e).direction"));

        // Same role, same viewport: the Arabic navigation must sit where the English one's mirror image is.
        var width = arabic.Page.ViewportSize!.Width;
        var arabicNav = await arabic.Page.GetByTestId("nav-inbox").BoundingBoxAsync();
        var englishNav = await english.Page.GetByTestId("nav-inbox").BoundingBoxAsync();
        Assert.NotNull(arabicNav);
        Assert.NotNull(englishNav);
        var arabicCentre = arabicNav.X + arabicNav.Width / 2;
        var mirroredEnglishCentre = width - (englishNav.X + englishNav.Width / 2);
        Assert.True(
            Math.Abs(arabicCentre - mirroredEnglishCentre) <= MirrorTolerance,
            $"The Arabic inbox link's centre ({arabicCentre:0}px) should mirror the English one's ({width - mirroredEnglishCentre:0}px in a {width}px viewport, mirrored {mirroredEnglishCentre:0}px).");
    });

    [Fact]
    public Task AnArabicAdvisorReadsANudgesReasonsInArabic() => Scenario(async () =>
    {
        var amal = await Enter("advisor");
        await amal.SignIn(DemoUser.Advisor, "/inbox");
        var vip = Unique.Id("vip");

        await Ingest.DriveChurn(vip, "MENA", DemoUser.Advisor.UserName, Dashboard.Admin);

        var card = amal.Page.GetByTestId("nudge-card").And(amal.Page.Locator($"[data-user-id='{vip}']"));
        var reasons = card.Locator("ul.reasons li");
        await Expect(card, $"the nudge for {vip} in the Arabic inbox").ToBeVisibleAsync();
        await Expect(reasons.Filter(new() { HasText = "شكاوى مفتوحة" }), "the open-complaints reason worded in Arabic").ToHaveCountAsync(1);
        await Expect(reasons.Filter(new() { HasTextRegex = new Regex("[A-Za-z]{3,}") }), "no reason left in the server's English").ToHaveCountAsync(0);
        await Capture(amal, "inbox");
    });
}
