using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Retail.Grains.Abstractions;
using Retail.IntegrationTests.Infrastructure;
using Streaming.Kafka.ExactlyOnce;
using Streaming.Kafka.Providers;

namespace Retail.IntegrationTests.Pipeline;

/// <summary>
/// The silo's commit gate asks the right grain about the right positions: a variant's one stream merges
/// several topics, so its positions count under the checkpoint's topic; a product's under its own stream.
/// </summary>
[Collection(SiloGroup.Name)]
[Trait("Category", "Kafka")]
public sealed class CommitGateTests(SiloFactory silo)
{
    private const string Clickstream = "shopify_clickstream";
    private const string ProductUpdates = "plf_products_update";
    private const long ClickedVariant = 52000000000001;
    private const long Product = 52000000000100;
    private const long UpdatedVariant = 52000000000101;

    [Fact]
    public async Task A_variant_is_asked_about_positions_of_the_checkpoints_topic()
    {
        using var producer = Kafka.Producer(silo.BootstrapServers);
        var click = await producer.SendAsync(Clickstream, null, Records.Click(ClickedVariant, "contentView"));
        await silo.CreateClient().WaitForVariantAsync(ClickedVariant, v => v.Activity.ContentView == 1, "the click");
        var gate = Gate();

        var clicked = Checkpoint(Clickstream, StreamNames.Clickstream, click, (StreamNames.Variant, ClickedVariant));
        var sameOffsetOtherTopic = Checkpoint(ProductUpdates, StreamNames.VariantUpdates, click, (StreamNames.Variant, ClickedVariant));
        var later = Checkpoint(Clickstream, StreamNames.Clickstream, click, (StreamNames.Variant, ClickedVariant), ahead: 1);

        Assert.True(await gate.CanCommitAsync(clicked, CancellationToken.None));
        // Partition numbers and offsets repeat across topics: the variant has nothing from the product updates.
        Assert.False(await gate.CanCommitAsync(sameOffsetOtherTopic, CancellationToken.None));
        Assert.False(await gate.CanCommitAsync(later, CancellationToken.None));
    }

    [Fact]
    public async Task A_product_update_is_vouched_for_by_its_product_and_its_variant()
    {
        using var producer = Kafka.Producer(silo.BootstrapServers);
        var update = await producer.SendAsync(
            ProductUpdates,
            Product.ToString(CultureInfo.InvariantCulture),
            Records.ProductUpdate(Product, "Gate", (UpdatedVariant, "5.00", 3, null)));
        var http = silo.CreateClient();
        await http.WaitForVariantAsync(UpdatedVariant, v => v.Sku == $"sku-{UpdatedVariant}", "the product update");
        await Eventually.GetAsync(
            () => http.GetFromJsonAsync<JsonElement>(new Uri($"/api/products/{Product}", UriKind.Relative)),
            p => p.GetProperty("title").GetString() == "Gate",
            ApiReads.Patience,
            "the product");
        var gate = Gate();

        var both = Checkpoint(ProductUpdates, StreamNames.VariantUpdates, update, (StreamNames.Products, Product), (StreamNames.Variant, UpdatedVariant));
        var productAhead = Checkpoint(ProductUpdates, StreamNames.VariantUpdates, update, (StreamNames.Products, Product), ahead: 1);

        Assert.True(await gate.CanCommitAsync(both, CancellationToken.None));
        Assert.False(await gate.CanCommitAsync(productAhead, CancellationToken.None));

        // A partition being released hurries the gate: an hour's spread ends, and every grain is still asked.
        using var released = new CancellationTokenSource();
        await released.CancelAsync();
        var hurried = both with { Spread = TimeSpan.FromHours(1), Hurry = released.Token };
        Assert.True(await gate.CanCommitAsync(hurried, CancellationToken.None).WaitAsync(ApiReads.Patience));
    }

    private IKafkaCommitGate Gate() => silo.Services.GetRequiredKeyedService<IKafkaCommitGate>(StreamNames.Provider);

    /// <summary>A checkpoint as the topic's partition reader would give it, naming streams that received <paramref name="record"/>'s event.</summary>
    private static KafkaCheckpoint Checkpoint(
        string topic,
        string topicNamespace,
        DeliveryResult<byte[], byte[]> record,
        (string Namespace, long Key) stream,
        (string Namespace, long Key)? other = null,
        int ahead = 0)
    {
        var (partition, offset) = (record.Partition.Value, record.Offset.Value + ahead);
        var delivered = new Dictionary<StreamId, KafkaSequenceToken>
        {
            [StreamId.Create(stream.Namespace, stream.Key)] = new(topic, partition, offset, 0),
        };
        if (other is { } second)
        {
            delivered[StreamId.Create(second.Namespace, second.Key)] = new(topic, partition, offset, 0);
        }

        return new KafkaCheckpoint(topic, topicNamespace, partition, offset + 1, delivered);
    }
}
