using System.Text;
using Retail.Api.Ingest;

namespace Retail.UnitTests.Ingest;

public class ShopifySignatureTests
{
    private const string Secret = "unit-test-key";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":1}""");

    [Fact]
    public void Accepts_the_signature_of_the_body()
    {
        Assert.True(ShopifySignature.IsValid(Secret, Body, ShopifySignature.Sign(Secret, Body)));
    }

    [Fact]
    public void Matches_a_known_hmac_sha256()
    {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), base64.
        Assert.Equal("97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=", ShopifySignature.Sign("key", Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void Refuses_missing_or_malformed_signatures(string? signature)
    {
        Assert.False(ShopifySignature.IsValid(Secret, Body, signature));
    }

    [Fact]
    public void Refuses_a_tampered_body_and_another_key()
    {
        var signature = ShopifySignature.Sign(Secret, Body);

        Assert.False(ShopifySignature.IsValid(Secret, Encoding.UTF8.GetBytes("""{"id":2}"""), signature));
        Assert.False(ShopifySignature.IsValid("other-key", Body, signature));
        Assert.False(ShopifySignature.IsValid("", Body, signature));
    }
}
