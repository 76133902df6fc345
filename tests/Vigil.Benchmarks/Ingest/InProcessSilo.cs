using System.Net;
using Microsoft.AspNetCore.Builder;
using Vigil.Ingest;
using Vigil.Silo.Hosting;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// The silo composed in this process with the same extension methods as <c>silo/Vigil.Silo/Program.cs</c> (silo,
/// ingest, health) on real Kestrel on a free loopback port, simulator off, SQLite storage under a temporary folder.
/// The read API and the dashboard are left out: nothing here reads them.
/// </summary>
internal sealed class InProcessSilo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo _data;

    private InProcessSilo(WebApplication app, DirectoryInfo data, Uri baseAddress)
    {
        _app = app;
        _data = data;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<InProcessSilo> StartAsync(string apiKey, string storage = "Sqlite")
    {
        var data = Directory.CreateTempSubdirectory("vigil-bench-silo-");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args =
            [
                "--urls", "http://127.0.0.1:0",
                "--Vigil:DataPath", data.FullName,
                "--Vigil:Storage", storage,
                "--Vigil:Simulator:Enabled", "false",
                "--Vigil:LogLevel", "Warning",
                "--Vigil:Ingest:ApiKeys:0", apiKey,
            ],
        });
        builder.AddVigilSilo();
        builder.AddVigilIngest();
        var app = builder.Build();
        app.MapHealth();
        app.MapIngest();
        await app.StartAsync();
        var address = app.Urls.First();
        return new InProcessSilo(app, data, new Uri(address.Replace("[::]", IPAddress.Loopback.ToString(), StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Delete(recursive: true);
    }
}
