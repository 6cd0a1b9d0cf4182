using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Streaming.Kafka.Embedded;

/// <summary>
/// An in-process Kafka broker: librdkafka's mock cluster, which speaks the real Kafka wire protocol on
/// loopback ports. For local runs, tests and benchmarks only: it is in memory, auto-creates topics with
/// four partitions, and keeps at most about 5 MiB per partition.
/// </summary>
public sealed class EmbeddedKafkaBroker : IDisposable
{
    private readonly Lock _lock = new();
    private IntPtr _handle;
    private readonly IntPtr _cluster;
    private GCHandle _logger;

    private EmbeddedKafkaBroker(IntPtr handle, IntPtr cluster, int brokers, GCHandle logger)
    {
        _handle = handle;
        _cluster = cluster;
        _logger = logger;
        Brokers = brokers;
        BootstrapServers = MockClusterNative.Bootstraps(cluster);
    }

    /// <summary>The <c>host:port</c> list that any Kafka client can bootstrap from.</summary>
    public string BootstrapServers { get; }

    /// <summary>How many brokers the cluster has; their ids run from 1.</summary>
    public int Brokers { get; }

    /// <summary>
    /// librdkafka consumer settings for clients of this broker. It holds a fetch that found nothing for the whole
    /// <c>fetch.wait.max.ms</c> even when records arrive meanwhile (real brokers answer at once), so the default
    /// of 500 ms would add up to half a second to every quiet partition's latency.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ConsumerSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fetch.wait.max.ms"] = "10",
    };

    /// <summary>
    /// Starts a mock cluster of <paramref name="brokers"/> brokers. The cluster's own warnings and errors go to
    /// <paramref name="logger"/> when given, else errors go to stderr.
    /// </summary>
    public static EmbeddedKafkaBroker Start(int brokers = 1, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        var logHandle = logger is null ? default : GCHandle.Alloc(logger);
        IntPtr handle;
        try
        {
            handle = MockClusterNative.CreateHost(brokers, logHandle);
        }
        catch
        {
            Free(ref logHandle);
            throw;
        }

        var cluster = MockClusterNative.ClusterOf(handle);
        if (cluster == IntPtr.Zero)
        {
            MockClusterNative.Destroy(handle);
            Free(ref logHandle);
            throw new InvalidOperationException("librdkafka did not create a mock cluster.");
        }

        var broker = new EmbeddedKafkaBroker(handle, cluster, brokers, logHandle);
        if (broker.BootstrapServers.Length == 0)
        {
            broker.Dispose();
            throw new InvalidOperationException("The embedded Kafka broker reported no bootstrap address.");
        }

        return broker;
    }

    /// <summary>Creates <paramref name="topic"/> with <paramref name="partitions"/> partitions, unless it exists.</summary>
    public void CreateTopic(string topic, int partitions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        Check(MockClusterNative.CreateTopic(Cluster, topic, partitions), $"create topic '{topic}'", allowed: TopicAlreadyExists);
    }

    /// <summary>
    /// Makes broker <paramref name="brokerId"/> advertise <paramref name="host"/>:<paramref name="port"/> in metadata
    /// instead of its loopback address, for clients that reach it through a forwarder, as in a container network.
    /// Bootstrap through that address too: clients then connect there for everything.
    /// </summary>
    public void Advertise(string host, int port, int brokerId = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        MockClusterNative.SetBrokerHostPort(Cluster, brokerId, host, port);
    }

    /// <summary>Takes broker <paramref name="brokerId"/> down: connections drop and new ones are refused. Records are kept.</summary>
    public void SetBrokerDown(int brokerId = 1) => Check(MockClusterNative.SetBrokerDown(Cluster, brokerId), $"take broker {brokerId} down");

    /// <summary>Brings broker <paramref name="brokerId"/> back up after <see cref="SetBrokerDown"/>.</summary>
    public void SetBrokerUp(int brokerId = 1) => Check(MockClusterNative.SetBrokerUp(Cluster, brokerId), $"bring broker {brokerId} up");

    /// <summary>Stops the mock cluster. Every topic and record it held is gone.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_handle != IntPtr.Zero)
            {
                MockClusterNative.Destroy(_handle);
                _handle = IntPtr.Zero;
            }

            // Only now: librdkafka may log until its handle is destroyed.
            Free(ref _logger);
        }
    }

    private const int TopicAlreadyExists = 36;

    private static void Free(ref GCHandle handle)
    {
        if (handle.IsAllocated)
        {
            handle.Free();
        }
    }

    private IntPtr Cluster
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
            return _cluster;
        }
    }

    private static void Check(int error, string what, int allowed = 0)
    {
        if (error != 0 && error != allowed)
        {
            throw new InvalidOperationException($"The embedded Kafka broker could not {what}: error {(ErrorCode)error}.");
        }
    }
}
