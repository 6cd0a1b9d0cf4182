using Retail.Api.Hosting;
using Retail.Silo.Hosting;

namespace Retail.Silo;

/// <summary>The silo host. With no settings it runs the whole pipeline locally.</summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddRetailSilo();
        builder.AddRetailApi();

        var app = builder.Build();
        app.MapRetailApi();
        app.MapRetailSilo();
        StartupBanner.LogOnStarted(app);
        await app.RunAsync();
    }
}
