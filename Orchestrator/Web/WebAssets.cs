using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Sweep.Orchestrator.Web;

/// <summary>
/// The pages, scripts and the vendored ECharts, embedded in sweep.dll (see Orchestrator.csproj): the web host needs
/// no files beside the executable and no network.
/// </summary>
internal static class WebAssets
{
    private const string Prefix = "wwwroot/";

    private static readonly Assembly Assembly = typeof(WebAssets).Assembly;

    private static readonly HashSet<string> Names = [.. Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))];

    /// <summary>Writes the asset at <paramref name="path"/> (relative to wwwroot), or 404 when there is none.</summary>
    public static async Task ServeAsync(HttpContext context, string path)
    {
        var name = Prefix + path;
        if (path.Contains("..", StringComparison.Ordinal) || !Names.Contains(name))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = ContentType(path);
        context.Response.Headers.CacheControl = "no-cache";
        await using var stream = Assembly.GetManifestResourceStream(name)!;
        context.Response.ContentLength = stream.Length;
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "text/plain; charset=utf-8",
    };
}
