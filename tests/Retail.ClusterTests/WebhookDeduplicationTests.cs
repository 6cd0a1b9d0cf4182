using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Confluent.Kafka;
using Retail.Api.Ingest;
using Retail.Grains.Abstractions.Variants;

namespace Retail.ClusterTests;

/// <summary>One Shopify delivery changes state once, whichever API process gets it, before and after a full restart on PostgreSQL.</summary>
[Collection(ClusterGroup.Name)]
[Trait("Category", "Cluster")]
public sealed class WebhookDeduplicationTests(PostgresServer postgres)
{
    private const string Secret = "cluster-test-key";
    private const string Orders = "plf_orders_create";
    private const long Repeated = 97000000000001;
    private const long Reference = 97000000000002;

    private static readonly string Now = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);

    private static string Order(long orderId, long variantId) =>
        $$"""{"id":{{orderId}},"created_at":"{{Now}}","line_items":[{"id":1,"variant_id":{{variantId}},"quantity":2}]}""";

    private static async Task<WebhookReceipt> DeliverAsync(HostProcess api, string body, string eventId, string webhookId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/shopify", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Shopify-Topic", "orders/create");
        request.Headers.Add("X-Shopify-Event-Id", eventId);
        request.Headers.Add("X-Shopify-Webhook-Id", webhookId);
        request.Headers.Add("X-Shopify-Hmac-Sha256", ShopifySignature.Sign(Secret, Encoding.UTF8.GetBytes(body)));
        using var response = await api.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<WebhookReceipt>())!;
    }

    [SkippableFact]
    public async Task The_same_orders_create_delivered_to_two_apis_and_again_after_a_restart_counts_once()
    {
        Requires.Postgres(postgres);
        await using var cluster = await ClusterHarness.CreateAsync(postgres);
        cluster.Broker.CreateTopic(Orders, 2);
        var silo = await cluster.StartSiloAsync("dedup-silo");
        var apis = await Task.WhenAll(cluster.StartApiAsync(), cluster.StartApiAsync());
        var order = Order(9700001, Repeated);

        var first = await DeliverAsync(apis[0], order, "event-1", "webhook-1");
        var retried = await DeliverAsync(apis[1], order, "event-1", "webhook-2");
        await DeliverAsync(apis[0], Order(9700002, Reference), "event-2", "webhook-3");

        Assert.Equal((false, true), (first.Duplicate, retried.Duplicate));
        await Task.WhenAll(apis.Append(silo).Select(p => p.StopAsync()));
        await cluster.StartSiloAsync("dedup-silo-again");
        var api = await cluster.StartApiAsync();

        var late = await DeliverAsync(api, order, "event-1", "webhook-4");
        // Shopify sending the same order again under a new event: written, but the order counts once.
        var resent = await DeliverAsync(api, order, "event-3", "webhook-5");

        Assert.Equal((true, false), (late.Duplicate, resent.Duplicate));
        var written = ReadAll(cluster.Broker.BootstrapServers);
        Assert.Equal(2, written.Count(r => Encoding.UTF8.GetString(r.Message.Key) == "9700001"));
        await WaitCommittedAsync(cluster.Broker.BootstrapServers, written, TimeSpan.FromSeconds(60));
        var repeated = await ReadAsync(api, Repeated);
        var reference = await ReadAsync(api, Reference);
        Assert.True(reference.SalesVelocityPerDay > 0);
        Assert.InRange(repeated.SalesVelocityPerDay / reference.SalesVelocityPerDay, 0.97, 1.03);
    }

    private static async Task<VariantSnapshot> ReadAsync(HostProcess api, long variantId) =>
        (await api.Http.GetFromJsonAsync<VariantSnapshot>(new Uri($"/api/variants/{variantId}", UriKind.Relative)))!;

    private static List<ConsumeResult<byte[], byte[]>> ReadAll(string bootstrap)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = $"reader-{Guid.NewGuid():N}", EnableAutoCommit = false }).Build();
        var records = new List<ConsumeResult<byte[], byte[]>>();
        foreach (var partition in new[] { 0, 1 })
        {
            var end = consumer.QueryWatermarkOffsets(new TopicPartition(Orders, partition), TimeSpan.FromSeconds(10)).High;
            consumer.Assign(new TopicPartitionOffset(Orders, partition, Offset.Beginning));
            while (records.Count(r => r.Partition.Value == partition) < end.Value)
            {
                records.Add(consumer.Consume(TimeSpan.FromSeconds(10)) ?? throw new TimeoutException($"{Orders}[{partition}] not read to {end}"));
            }
        }

        return records;
    }

    /// <summary>Waits until the silos' consumer group has committed past every record: their effects are then in durable state.</summary>
    private static async Task WaitCommittedAsync(string bootstrap, List<ConsumeResult<byte[], byte[]>> records, TimeSpan timeout)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        var needed = records.GroupBy(r => r.Partition.Value).ToDictionary(g => g.Key, g => g.Max(r => r.Offset.Value) + 1);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var committed = (await admin.ListConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitions("retail-streams", [.. needed.Keys.Select(p => new TopicPartition(Orders, p))])]))
                .Single().Partitions.ToDictionary(p => p.Partition.Value, p => p.Offset.Value);
            if (needed.All(n => committed.TryGetValue(n.Key, out var offset) && offset >= n.Value))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"offsets not committed after {timeout}: {string.Join(", ", committed)}");
            await Task.Delay(200);
        }
    }
}
