using System.Diagnostics;
using System.Globalization;
using System.Text;
using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Pipeline;

/// <summary>Clickstream produced to Kafka by a plain client reaches the variant grains and the API.</summary>
[Collection(SiloGroup.Name)]
[Trait("Category", "Kafka")]
public sealed class ClickstreamPipelineTests(SiloFactory silo)
{
    private const string Topic = "shopify_clickstream";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Counts_every_record_exactly_once_per_variant_and_activity()
    {
        // Ids above 2^53 would lose their last digit through a double.
        const long first = 9007199254740993;
        const long second = 40172031311917;
        var expected = new Dictionary<(long, string), int>
        {
            [(first, "contentView")] = 250,
            [(first, "addToCart")] = 40,
            [(first, "purchase")] = 10,
            [(first, "wishlist")] = 5,
            [(second, "contentView")] = 120,
        };
        using var producer = Kafka.Producer(silo.BootstrapServers);
        var writes = new List<Task>();
        var index = 0;
        foreach (var ((variant, activity), count) in expected)
        {
            for (var i = 0; i < count; i++, index++)
            {
                // Keyed like the seed's datagen, unkeyed, and with both user field spellings.
                var key = index % 3 == 0 ? null : variant.ToString(CultureInfo.InvariantCulture);
                writes.Add(producer.SendAsync(Topic, key, Records.Click(variant, activity, index % 2 == 0 ? "userid" : "user_id")));
            }
        }

        await Task.WhenAll(writes);
        var http = silo.CreateClient();

        var a = await Eventually.GetAsync(() => http.VariantAsync(first), s => s?.Activity.Total >= 305, Patience, $"variant {first}");
        var b = await Eventually.GetAsync(() => http.VariantAsync(second), s => s?.Activity.Total >= 120, Patience, $"variant {second}");

        Assert.Equal(first, a!.VariantId);
        Assert.Equal(250, a.Activity.ContentView);
        Assert.Equal(40, a.Activity.AddToCart);
        Assert.Equal(10, a.Activity.Purchase);
        Assert.Equal(5, a.Activity.Other["wishlist"]);
        Assert.Equal(305, a.Activity.Total);
        Assert.Equal(120, b!.Activity.ContentView);
        Assert.Equal(120, b.Activity.Total);
    }

    [Fact]
    public async Task A_bad_record_goes_to_the_dead_letter_topic_and_the_partition_keeps_flowing()
    {
        const long variant = 31000000000001;
        var marker = $"not json {Guid.NewGuid():N}";
        using var producer = Kafka.Producer(silo.BootstrapServers);

        // All on one partition, so the good records come after the bad one in the same queue.
        var bad = await producer.ProduceAsync(new Confluent.Kafka.TopicPartition(Topic, 1), new() { Key = null!, Value = Encoding.UTF8.GetBytes(marker) });
        for (var i = 0; i < 20; i++)
        {
            await producer.ProduceAsync(new Confluent.Kafka.TopicPartition(Topic, 1), new() { Key = null!, Value = Encoding.UTF8.GetBytes(Records.Click(variant, "contentView")) });
        }

        var http = silo.CreateClient();
        var snapshot = await Eventually.GetAsync(() => http.VariantAsync(variant), s => s?.Activity.ContentView >= 20, Patience, $"variant {variant}");
        var dead = Kafka.Find(silo.BootstrapServers, "retail_dead_letters", r => Encoding.UTF8.GetString(r.Message.Value) == marker, Patience);

        Assert.Equal(20, snapshot!.Activity.ContentView);
        Assert.Equal(Topic, dead.Header("dlq.source.topic"));
        Assert.Equal("1", dead.Header("dlq.source.partition"));
        Assert.Equal(bad.Offset.Value.ToString(CultureInfo.InvariantCulture), dead.Header("dlq.source.offset"));
        Assert.StartsWith("Bad clickstream record: invalid JSON", dead.Header("dlq.error"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Records_produced_by_kcat_are_counted()
    {
        var kcat = Requires.Tool("kcat");
        const long variant = 52000000000007;
        const int records = 37;
        var lines = string.Join('\n', Enumerable.Range(0, records).Select(_ => Records.Click(variant, "contentView")));

        var start = new ProcessStartInfo(kcat, ["-b", silo.BootstrapServers, "-P", "-t", Topic])
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
        };
        using (var process = Process.Start(start)!)
        {
            await process.StandardInput.WriteAsync(lines + "\n");
            process.StandardInput.Close();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        }

        var snapshot = await Eventually.GetAsync(() => silo.CreateClient().VariantAsync(variant), s => s?.Activity.ContentView >= records, Patience, $"variant {variant}");

        Assert.Equal(records, snapshot!.Activity.ContentView);
        Assert.Equal(records, snapshot.Activity.Total);
    }
}
