using Orleans.Configuration;
using Orleans.Storage;
using Orleans.Dashboard;
using Retail.Api.Platform;
using Retail.Grains.Variants;
using Retail.ServiceDefaults;
using Streaming.Kafka;
using Retail.Grains.Insights;
using Retail.Silo.Demo;
using Retail.Silo.Mapping;
using Retail.Silo.Shopify;
using Retail.Silo.Storage;
using Retail.Silo.Telemetry;
using Streaming.Kafka.Embedded;
using Streaming.Kafka.Hosting;
using Streaming.Kafka.Mapping;
using Streaming.Kafka.ExactlyOnce;

namespace Retail.Silo.Hosting;

/// <summary>The composition root: the silo, its Kafka streams, storage and the local-run extras.</summary>
public static class SiloHostingExtensions
{
    public static WebApplicationBuilder AddRetailSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;

        services.AddSingleton(sp => KafkaEndpoint.Create(configuration, sp.GetRequiredService<ILoggerFactory>()));
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        var postgres = PostgresConnection.FromConfiguration(configuration);
        services.AddSingleton(sp =>
        {
            var kafka = sp.GetRequiredService<KafkaEndpoint>();
            return new PlatformInfo(postgres is null ? "memory" : "postgres", StorageDurable: postgres is not null, kafka.BootstrapServers, kafka.Embedded, KafkaClientSettings.FromConfiguration(configuration));
        });
        if (postgres is not null)
        {
            // Registered before the silo, so the schema is in place before the silo joins the cluster.
            services.AddSingleton(postgres);
            services.AddOptions<SchemaOptions>().BindConfiguration(SchemaOptions.Section);
            services.AddHostedService<SchemaMigrator>();
        }
        services.AddKeyedSingleton<IKafkaRecordMapper, RetailRecordMapper>(StreamNames.Provider);
        services.AddRetailDomain();
        services.AddShopifyAdmin(configuration);
        services.AddMeters(KafkaStreamMetrics.MeterName, VariantMetrics.MeterName, "Microsoft.Orleans");
        services.AddHostedService<DemoTrafficService>();
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(8));

        var orleans = OrleansSettings.From(configuration);
        var topics = configuration.GetSection(KafkaTopics.Section).Get<KafkaTopics>() ?? new KafkaTopics();
        builder.UseOrleans(silo =>
        {
            // State is stored in Orleans' own version-tolerant binary format ([Id] members), which also handles
            // the immutable collections that the default JSON serializer cannot read back.
            silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
            if (postgres is null)
            {
                var primary = orleans.PrimarySiloPort is { } port ? new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port) : null;
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, primary, orleans.ServiceId, orleans.ClusterId);
                silo.AddMemoryGrainStorage(StorageNames.Retail);
            }
            else
            {
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (orleans.ClusterId, orleans.ServiceId));
                silo.ConfigureEndpoints(orleans.AdvertisedAddress(), orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: true);
                silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (PostgresConnection.Invariant, postgres.ConnectionString));
                silo.AddAdoNetGrainStorage(StorageNames.Retail, o => (o.Invariant, o.ConnectionString) = (PostgresConnection.Invariant, postgres.ConnectionString));
            }

            silo.AddKafkaStreams(
                StreamNames.Provider,
                options => options.Configure<KafkaEndpoint>((kafka, endpoint) =>
                {
                    kafka.BootstrapServers = endpoint.BootstrapServers;
                    kafka.ConsumerGroupId = $"{orleans.ServiceId}-streams";
                    kafka.DeadLetterTopic = topics.DeadLetters;
                    // The provider's default holds unless Kafka:CommitInterval says otherwise.
                    kafka.CommitInterval = configuration.GetValue("Kafka:CommitInterval", kafka.CommitInterval);
                    if (endpoint.Embedded)
                    {
                        foreach (var (key, value) in EmbeddedKafkaBroker.ConsumerSettings)
                        {
                            kafka.ConsumerSettings[key] = value;
                        }
                    }

                    // Any librdkafka setting: Kafka:Client:<name> for every client, then Kafka:Consumer:<name> and
                    // Kafka:Producer:<name>.
                    foreach (var (key, value) in KafkaClientSettings.FromConfiguration(configuration))
                    {
                        kafka.ClientSettings[key] = value;
                    }

                    foreach (var setting in configuration.GetSection("Kafka:Consumer").GetChildren())
                    {
                        kafka.ConsumerSettings[setting.Key] = setting.Value ?? string.Empty;
                    }

                    foreach (var setting in configuration.GetSection("Kafka:Producer").GetChildren())
                    {
                        kafka.ProducerSettings[setting.Key] = setting.Value ?? string.Empty;
                    }
                    kafka.AddTopic(topics.Clickstream, StreamNames.Clickstream);
                    kafka.AddTopic(topics.ProductsUpdate, StreamNames.VariantUpdates);
                    kafka.AddTopic(topics.OrdersCreate, StreamNames.Sales);
                    kafka.AddTopic(topics.OrdersCancelled, StreamNames.Cancellations);
                    kafka.AddTopic(topics.RefundsCreate, StreamNames.Refunds);
                    kafka.AddTopic(topics.InventoryLevelsUpdate, StreamNames.InventoryLevels);
                    kafka.AddTopic(topics.DynamicPrices, StreamNames.DynamicPrices, consume: false);
                    kafka.AddTopic(topics.SellThrough, StreamNames.SellThrough, consume: false);
                }),
                stream =>
                {
                    stream.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly);
                    stream.ConfigurePullingAgent(agent => agent.Configure(o =>
                    {
                        o.GetQueueMsgsTimerPeriod = configuration.GetValue("Kafka:PullingPeriod", TimeSpan.FromMilliseconds(10));
                        // Several containers per delivery, so a busy variant takes many events in one grain call.
                        o.BatchContainerBatchSize = 64;
                        // Keep retrying a delivery through a silo failure rather than give the event up.
                        o.MaxEventDeliveryTime = TimeSpan.FromMinutes(5);
                        // The agent holds about 0.7 KB per stream it has delivered to, and a catalog update reaches
                        // every variant; Orleans' 30 minutes would keep that long after. A stream that resumes
                        // gets a new record, cursor and handshake with its grain.
                        o.StreamInactivityPeriod = StreamInactivityPeriod(configuration);
                    }));
                });
            // Exactly-once effect: offsets move only past effects the consuming grains have persisted.
            silo.AddDurableConsumerCommits(StreamNames.Provider);
            silo.AddDashboard();
        });

        // After the silo, so that it stops first and sends its last batch while the silo still runs.
        services.AddHostedService<VariantReportPump>();
        services.AddSingleton<ThroughputSampler>();
        services.AddHostedService<ThroughputReporter>();
        return builder;
    }

    private static TimeSpan StreamInactivityPeriod(IConfiguration configuration)
    {
        var period = configuration.GetValue("Kafka:StreamInactivityPeriod", TimeSpan.FromMinutes(5));
        // Shorter, and a stream with a few events a minute would be dropped and set up again between them.
        return period >= TimeSpan.FromMinutes(1)
            ? period
            : throw new InvalidOperationException($"Kafka:StreamInactivityPeriod is {period}; it must be at least one minute.");
    }

    public static WebApplication MapRetailSilo(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The dashboard's own endpoints are not the product's API: they stay out of the OpenAPI document.
        app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(Retail.Api.Security.AccessPolicies.Operator).ExcludeFromDescription();
        return app;
    }
}
