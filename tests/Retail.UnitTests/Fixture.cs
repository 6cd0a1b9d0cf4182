namespace Retail.UnitTests;

internal static class Fixture
{
    /// <summary>A Shopify fixture's bytes, from the test output folder.</summary>
    public static byte[] Shopify(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "shopify", name));
}
