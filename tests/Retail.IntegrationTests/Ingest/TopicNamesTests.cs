using System.Net;
using System.Text;
using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Ingest;

/// <summary>Kafka:Topics is the one truth for topic names: ingest writes where the streams read.</summary>
[Trait("Category", "Kafka")]
public sealed class TopicNamesTests
{
    private sealed class RenamedTopicsSilo() : SiloFactory(new Dictionary<string, string>
    {
        ["Kafka:Topics:Clickstream"] = "renamed_clickstream",
        ["Kafka:Topics:ProductsUpdate"] = "renamed_products",
    });

    [Fact]
    public async Task Renamed_topics_carry_ingest_to_the_variants()
    {
        await using var silo = new RenamedTopicsSilo();
        var http = silo.CreateClient();
        const long variant = 93000000000001;

        var click = await http.PostAsync(new Uri("/api/clickstream", UriKind.Relative),
            new StringContent($$"""[{"user_id":1,"product_variant_id":{{variant}},"activity":"contentView"}]""", Encoding.UTF8, "application/json"));
        var product = await http.SendAsync(Webhooks.Request("products/update", $$"""{"id":93,"title":"Renamed","variants":[{"id":{{variant}},"product_id":93,"price":"5.00","inventory_quantity":3}]}"""));
        var snapshot = await http.WaitForVariantAsync(variant, v => v.Activity.Total == 1 && v.Price is not null, "the renamed topics' events");

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK), (click.StatusCode, product.StatusCode));
        Assert.Single(Kafka.ReadToEnd(silo.BootstrapServers, "renamed_clickstream"));
        Assert.Single(Kafka.ReadToEnd(silo.BootstrapServers, "renamed_products"));
        Assert.Equal((1L, 5.00m), (snapshot.Activity.Total, snapshot.Price!.Value));
    }
}
