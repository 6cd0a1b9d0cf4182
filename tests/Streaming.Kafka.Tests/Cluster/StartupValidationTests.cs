using Microsoft.Extensions.Options;
using Streaming.Kafka.Embedded;

namespace Streaming.Kafka.Tests.Cluster;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task A_silo_with_bad_settings_fails_to_start_with_a_clear_message()
    {
        using var broker = EmbeddedKafkaBroker.Start();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ClusterHarness.StartAsync(broker, configure: options =>
        {
            options.BootstrapServers = "";
            options.Topics.Clear();
        }));

        var validation = Assert.IsType<OptionsValidationException>(Unwrap(error));
        Assert.Contains("Kafka stream provider 'kafka': BootstrapServers is empty. Set it to the brokers' host:port list.", validation.Failures);
        Assert.Contains("Kafka stream provider 'kafka': no topics are configured to be read. Add at least one with AddTopic(...).", validation.Failures);
    }

    private static Exception Unwrap(Exception error)
    {
        while (error is not OptionsValidationException && error.InnerException is not null)
        {
            error = error.InnerException;
        }

        return error;
    }
}
