namespace Retail.IntegrationTests.Infrastructure;

internal static class Fixture
{
    /// <summary>A Shopify fixture's text, from the test output folder.</summary>
    public static string Shopify(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "shopify", name));
}
