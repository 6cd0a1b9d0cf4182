using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Retail.Api.Platform;

namespace Retail.Api.Health;

/// <summary>Ready when the Kafka brokers answer a metadata request.</summary>
internal sealed class KafkaHealthCheck(PlatformInfo platform) : IHealthCheck, IDisposable
{
    private readonly Lazy<IAdminClient> _admin = new(() =>
        new AdminClientBuilder(Config(platform)).Build());

    internal static AdminClientConfig Config(PlatformInfo platform) => platform.KafkaConfig(new AdminClientConfig());

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // The metadata call blocks; keep it off the request thread.
            var brokers = await Task.Run(() => _admin.Value.GetMetadata(TimeSpan.FromSeconds(2)).Brokers.Count, cancellationToken);
            return brokers > 0 ? HealthCheckResult.Healthy($"{brokers} broker(s)") : HealthCheckResult.Unhealthy("No broker");
        }
        catch (KafkaException ex)
        {
            return HealthCheckResult.Unhealthy("Kafka did not answer", ex);
        }
    }

    public void Dispose()
    {
        if (_admin.IsValueCreated)
        {
            _admin.Value.Dispose();
        }
    }
}
