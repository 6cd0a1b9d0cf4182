using System.Reflection;

namespace Retail.Api.Page;

/// <summary>Serves the live KPI page at <c>/</c>: its embedded files and the vendored charting library, no build toolchain.</summary>
public static class PageApi
{
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/kpi.js", "kpi.js", "text/javascript; charset=utf-8"),
        ("/kpi.css", "kpi.css", "text/css; charset=utf-8"),
        ("/vendor/uPlot.iife.min.js", "vendor/uPlot.iife.min.js", "text/javascript; charset=utf-8"),
        ("/vendor/uPlot.min.css", "vendor/uPlot.min.css", "text/css; charset=utf-8"),
        ("/suggestions.js", "suggestions.js", "text/javascript; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapKpiPage(this IEndpointRouteBuilder app)
    {
        foreach (var (path, resource, contentType) in Files)
        {
            var content = Read(resource);
            app.MapGet(path, (HttpContext context) =>
            {
                // The page loads only its own script and styles, and talks only to this origin.
                context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-ancestors 'self'";
                return TypedResults.Text(content, contentType);
            }).ExcludeFromDescription();
        }

        return app;
    }

    private static string Read(string name)
    {
        using var stream = typeof(PageApi).Assembly.GetManifestResourceStream($"page/{name}")
            ?? throw new InvalidOperationException($"The page resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
