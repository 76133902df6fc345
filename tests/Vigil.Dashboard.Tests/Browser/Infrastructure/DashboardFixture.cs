using System.Net.Http.Headers;
using Microsoft.Playwright;
using Vigil.Testing.Silo;

namespace Vigil.Dashboard.Tests.Browser.Infrastructure;

/// <summary>
/// One real silo process in demo mode (demo users, simulator off, SQLite in a temporary folder) and one headless
/// Debian Chromium driven by Playwright, shared by every browser test. Tests get a fresh browser context per
/// simulated person, a producer's event feed and an admin's read API.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; tests/run-all.sh installs it. Playwright cannot download a browser on these machines.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private const string ProducerKey = "browser-tests-producer-key-0123456789";
    private const string AdminToken = "browser-tests-admin-token-0123456789";

    /// <summary>How Chromium runs on these machines (.library/env/machines/dotnet.md): the closed network refuses its background calls.</summary>
    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly TemporaryFolder _data = new();
    private SiloProcess? _silo;
    private HttpClient? _producer;
    private HttpClient? _script;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => Silo.BaseAddress;

    public IngestFeed Ingest { get; private set; } = null!;

    public AdminApi Admin { get; private set; } = null!;

    /// <summary>Everything the silo printed so far (start-up banner with the demo users included).</summary>
    public string SiloOutput => Silo.Output;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not running.");

    private SiloProcess Silo => _silo ?? throw new InvalidOperationException("The silo is not running.");

    public async Task InitializeAsync()
    {
        try
        {
            await Start();
        }
        catch
        {
            // xUnit does not dispose a fixture whose start failed; the silo and Chromium must not outlive the run.
            await DisposeAsync();
            throw;
        }
    }

    private async Task Start()
    {
        // Auto-waiting expectations wait up to this long (as Vigil.Testing's Within does); each message says what it awaited.
        Assertions.SetDefaultExpectTimeout(20_000);

        _silo = SiloProcess.Start(_data.Path, new Dictionary<string, string>
        {
            ["Vigil__Mode"] = "Demo",
            ["Vigil__Storage"] = "Sqlite",
            ["Vigil__Simulator__Enabled"] = "false",
            ["Vigil__Ingest__ApiKeys__0"] = ProducerKey,
            ["Vigil__Api__Tokens__0__Name"] = "browser-tests-admin",
            ["Vigil__Api__Tokens__0__Token"] = AdminToken,
            ["Vigil__Api__Tokens__0__Roles__0"] = "admin",
            ["Vigil__Api__Tokens__0__Roles__1"] = "operator",
        });
        await _silo.WaitUntilListening();

        _producer = new HttpClient { BaseAddress = _silo.BaseAddress };
        Ingest = new IngestFeed(_producer, ProducerKey);
        _script = new HttpClient { BaseAddress = _silo.BaseAddress };
        _script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        Admin = new AdminApi(_script);

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run tests/run-all.sh (it installs Debian's chromium) or apt-get install chromium.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    /// <summary>A new person at a new browser context (own cookies and connection), not yet signed in.</summary>
    public Task<Person> NewPerson(string name) => Person.Enter(Browser, BaseAddress, name);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _producer?.Dispose();
        _script?.Dispose();
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        _data.Dispose();
    }
}
