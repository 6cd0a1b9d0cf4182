using Retail.Api.Hosting;
using Retail.ServiceDefaults;
using Retail.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRetailSilo();
builder.AddRetailApi();

var app = builder.Build();
app.MapRetailApi();
app.MapRetailSilo();
StartupBanner.LogOnStarted(app);
await app.RunAsync();

/// <summary>The silo host. With no settings it runs the whole pipeline locally.</summary>
public partial class Program;
