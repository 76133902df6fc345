using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Vigil.Dashboard.Web;

/// <summary>
/// The built browser app (<c>wwwroot/</c> next to the silo binary: index.html, app.js, app.css and their source maps),
/// served as files with caching suited to each: the bundles are referenced with a content hash in the query string,
/// so they are immutable for a year; index.html is revalidated on every load so a deploy is picked up at once.
/// </summary>
internal sealed class DashboardAssets
{
    public const string IndexFile = "index.html";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly IFileProvider files;

    public DashboardAssets(IWebHostEnvironment environment)
    {
        var root = Path.Combine(environment.ContentRootPath, "wwwroot");
        if (!Directory.Exists(root))
        {
            root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        }

        Root = root;
        files = Directory.Exists(root) ? new PhysicalFileProvider(root) : new NullFileProvider();
    }

    public string Root { get; }

    /// <summary>Answers index.html for a client route; never cached without revalidation.</summary>
    public IResult Index(HttpContext http) => Serve(http, IndexFile, immutable: false);

    /// <summary>Answers a bundle file; immutable when requested with its content hash (<c>?v=</c>).</summary>
    public IResult Asset(HttpContext http, string file) => Serve(http, file, immutable: http.Request.Query.ContainsKey("v"));

    private IResult Serve(HttpContext http, string name, bool immutable)
    {
        var file = files.GetFileInfo(name);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null)
        {
            return name == IndexFile
                ? Results.Problem($"The dashboard is not built: {Path.Combine(Root, IndexFile)} is missing. Run `dotnet build` with Node.js on the PATH.", statusCode: StatusCodes.Status404NotFound)
                : Results.NotFound();
        }

        if (!ContentTypes.TryGetContentType(name, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        if (name.EndsWith(".html", StringComparison.Ordinal) || name.EndsWith(".js", StringComparison.Ordinal) || name.EndsWith(".css", StringComparison.Ordinal))
        {
            contentType += "; charset=utf-8";
        }

        http.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
        var lastModified = file.LastModified;
        var tag = new EntityTagHeaderValue($"\"{lastModified.UtcTicks:x}-{file.Length:x}\"");
        return Results.File(file.PhysicalPath, contentType, lastModified: lastModified, entityTag: tag);
    }
}
