using System.Runtime.CompilerServices;
using System.Text;

namespace Vigil.Dashboard.Tests.Browser.Infrastructure;

/// <summary>
/// Base of the browser tests. A test runs its steps through <see cref="Scenario"/>, which saves a screenshot of
/// every person's page at the end (pass or fail) and, on failure, attaches the silo's output and the pages'
/// complaints to the failure. People are entered with <see cref="Enter"/> and leave when the test ends.
/// </summary>
public abstract class BrowserTest(DashboardFixture dashboard) : IAsyncLifetime
{
    private const int MaxSiloOutput = 40_000;

    private readonly List<Person> _people = [];
    private string _test = "";

    protected DashboardFixture Dashboard { get; } = dashboard;

    protected IngestFeed Ingest => Dashboard.Ingest;

    protected async Task<Person> Enter(string name)
    {
        var person = await Dashboard.NewPerson(name);
        _people.Add(person);
        return person;
    }

    protected async Task Scenario(Func<Task> steps, [CallerMemberName] string test = "")
    {
        _test = test;
        var siloOutputBefore = Dashboard.SiloOutput.Length;
        try
        {
            await steps();
        }
        catch (Exception failure)
        {
            try
            {
                await SaveScreenshots(test);
            }
            catch (Microsoft.Playwright.PlaywrightException screenshotFailure)
            {
                failure = new AggregateException(failure.Message + "\n(no screenshot: " + screenshotFailure.Message + ")", failure);
            }

            throw new BrowserScenarioFailure(Explain(failure, siloOutputBefore), failure);
        }

        await SaveScreenshots(test);
    }

    /// <summary>Saves <paramref name="person"/>'s page now, as <c>&lt;test&gt;-&lt;moment&gt;.png</c>.</summary>
    protected Task Capture(Person person, string moment) => person.Screenshot($"{_test}-{moment}");

    private async Task SaveScreenshots(string test)
    {
        foreach (var person in _people.Where(p => !p.Page.IsClosed))
        {
            await person.Screenshot(_people.Count == 1 ? test : $"{test}-{person.Name}");
        }
    }

    private string Explain(Exception failure, int siloOutputBefore)
    {
        var text = new StringBuilder(failure.Message);
        foreach (var person in _people.Where(p => p.Complaints.Count > 0))
        {
            text.Append("\n--- ").Append(person.Name).Append("'s page said ---\n").AppendJoin('\n', person.Complaints.TakeLast(30));
        }

        var output = Dashboard.SiloOutput;
        var during = output.Length > siloOutputBefore ? output[siloOutputBefore..] : "";
        if (during.Length > MaxSiloOutput)
        {
            during = "[...]\n" + during[^MaxSiloOutput..];
        }

        text.Append("\n--- silo output during this test ---\n").Append(during);
        text.Append("\n--- screenshots in ").Append(Artifacts.Screenshots).Append(" ---");
        return text.ToString();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var person in _people)
        {
            await person.DisposeAsync();
        }
    }
}
