using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace Retail.Datagen.Clickstream;

/// <summary>Produces generated clickstream to Kafka at a steady rate.</summary>
public sealed class ClickstreamPublisher(IProducer<byte[], byte[]> producer, string topic, ClickstreamGenerator generator)
{
    private long _sent;
    private long _failed;

    /// <summary>Events the broker has acknowledged.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Events the broker refused or that timed out.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>
    /// Produces until <paramref name="count"/> events have been produced or <paramref name="cancellationToken"/>
    /// fires. A <paramref name="rate"/> of 0 means as fast as the producer accepts.
    /// </summary>
    public async Task RunAsync(double rate, long? count, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long produced = 0;
        while (!cancellationToken.IsCancellationRequested && (count is null || produced < count))
        {
            if (rate > 0)
            {
                // Pace against the start time, so that short delays do not accumulate into drift.
                var due = TimeSpan.FromSeconds(produced / rate) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(due, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }

            var click = generator.Next();
            var message = new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(click.VariantId.ToString(System.Globalization.CultureInfo.InvariantCulture)), Value = click.Value };
            try
            {
                producer.Produce(topic, message, Report);
            }
            catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(100));
                continue;
            }

            produced++;
        }

        producer.Flush(TimeSpan.FromSeconds(10));
    }

    private void Report(DeliveryReport<byte[], byte[]> report)
    {
        if (report.Error.IsError)
        {
            Interlocked.Increment(ref _failed);
        }
        else
        {
            Interlocked.Increment(ref _sent);
        }
    }
}
