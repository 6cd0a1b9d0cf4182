using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Streaming.Kafka.Embedded;

/// <summary>
/// librdkafka's mock-cluster C API. Confluent.Kafka ships librdkafka but does not wrap these calls, which
/// create topics with a chosen partition count and take brokers down and up again.
/// </summary>
internal static partial class MockClusterNative
{
    private const string Library = "librdkafka";
    private const int ProducerType = 0;
    private const int ConfigOk = 0;

    private static readonly Lazy<bool> ResolverRegistered = new(() =>
    {
        NativeLibrary.SetDllImportResolver(typeof(MockClusterNative).Assembly, Resolve);
        return true;
    });

    /// <summary>
    /// Starts a handle that hosts a mock cluster. With a <paramref name="logger"/> handle, which must outlive the
    /// native handle, its warnings and errors go to that logger, and its mock-broker debug lines too when the logger
    /// has Debug enabled; without one, librdkafka writes errors to stderr.
    /// </summary>
    public static unsafe IntPtr CreateHost(int brokers, GCHandle logger)
    {
        _ = ResolverRegistered.Value;
        var conf = rd_kafka_conf_new();
        var error = new byte[512];
        List<(string Name, string Value)> settings = [("test.mock.num.brokers", brokers.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        if (logger.IsAllocated && logger.Target is ILogger target)
        {
            rd_kafka_conf_set_opaque(conf, GCHandle.ToIntPtr(logger));
            rd_kafka_conf_set_log_cb(conf, &OnLog);
            settings.AddRange(target.IsEnabled(LogLevel.Debug) ? [("log_level", "7"), ("debug", "mock")] : [("log_level", "4")]);
        }
        else
        {
            settings.Add(("log_level", "3"));
        }

        if (settings.Any(s => rd_kafka_conf_set(conf, s.Name, s.Value, error, (nuint)error.Length) != ConfigOk))
        {
            rd_kafka_conf_destroy(conf);
            throw new InvalidOperationException($"librdkafka refused the mock configuration: {Text(error)}");
        }

        // On success rd_kafka_new owns the configuration.
        var handle = rd_kafka_new(ProducerType, conf, error, (nuint)error.Length);
        if (handle == IntPtr.Zero)
        {
            rd_kafka_conf_destroy(conf);
            throw new InvalidOperationException($"librdkafka could not start the mock cluster: {Text(error)}");
        }

        return handle;
    }

    public static IntPtr ClusterOf(IntPtr handle) => rd_kafka_handle_mock_cluster(handle);

    public static string Bootstraps(IntPtr cluster) =>
        Marshal.PtrToStringUTF8(rd_kafka_mock_cluster_bootstraps(cluster)) ?? string.Empty;

    public static int CreateTopic(IntPtr cluster, string topic, int partitions) =>
        rd_kafka_mock_topic_create(cluster, topic, partitions, 1);

    public static void SetBrokerHostPort(IntPtr cluster, int brokerId, string host, int port) =>
        rd_kafka_mock_broker_set_host_port(cluster, brokerId, host, port);

    public static int SetBrokerDown(IntPtr cluster, int brokerId) => rd_kafka_mock_broker_set_down(cluster, brokerId);

    public static int SetBrokerUp(IntPtr cluster, int brokerId) => rd_kafka_mock_broker_set_up(cluster, brokerId);

    public static void Destroy(IntPtr handle) => rd_kafka_destroy(handle);

    /// <summary>
    /// Finds the same librdkafka build that Confluent.Kafka loads: the package ships several per platform
    /// (the default one needs libsasl2, a fallback does not) and picks the first that loads.
    /// </summary>
    private static IntPtr Resolve(string name, System.Reflection.Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        Confluent.Kafka.Library.Load();
        var architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var native = Path.Combine(AppContext.BaseDirectory, "runtimes", $"linux-{architecture}", "native");
        string[] candidates =
        [
            Path.Combine(native, "librdkafka.so"),
            Path.Combine(native, "centos8-librdkafka.so"),
            Path.Combine(native, "alpine-librdkafka.so"),
        ];
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        return NativeLibrary.TryLoad(name, assembly, searchPath, out var fallback) ? fallback : IntPtr.Zero;
    }

    /// <summary>librdkafka's log callback, on its own threads: hands the line to the logger behind the handle's opaque.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(IntPtr handle, int level, IntPtr facility, IntPtr message)
    {
        try
        {
            if (handle != IntPtr.Zero && rd_kafka_opaque(handle) is var opaque && opaque != IntPtr.Zero
                && GCHandle.FromIntPtr(opaque).Target is ILogger logger)
            {
                var name = Marshal.PtrToStringUTF8(rd_kafka_name(handle)) ?? "mock";
                KafkaLog.Write(logger, new LogMessage(name, (SyslogLevel)level, Marshal.PtrToStringUTF8(facility) ?? "", Marshal.PtrToStringUTF8(message) ?? ""));
            }
        }
#pragma warning disable CA1031 // No exception may cross back into native code.
        catch (Exception)
#pragma warning restore CA1031
        {
            // A log line is not worth a crash.
        }
    }

    private static string Text(byte[] error) => System.Text.Encoding.UTF8.GetString(error).TrimEnd('\0');

    [LibraryImport(Library)]
    private static partial IntPtr rd_kafka_conf_new();

    [LibraryImport(Library)]
    private static partial void rd_kafka_conf_destroy(IntPtr conf);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rd_kafka_conf_set(IntPtr conf, string name, string value, [Out] byte[] error, nuint errorSize);

    [LibraryImport(Library)]
    private static partial void rd_kafka_conf_set_opaque(IntPtr conf, IntPtr opaque);

    [LibraryImport(Library)]
    private static unsafe partial void rd_kafka_conf_set_log_cb(IntPtr conf, delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr, IntPtr, void> callback);

    [LibraryImport(Library)]
    private static partial IntPtr rd_kafka_opaque(IntPtr handle);

    [LibraryImport(Library)]
    private static partial IntPtr rd_kafka_name(IntPtr handle);

    [LibraryImport(Library)]
    private static partial IntPtr rd_kafka_new(int type, IntPtr conf, [Out] byte[] error, nuint errorSize);

    [LibraryImport(Library)]
    private static partial void rd_kafka_destroy(IntPtr handle);

    [LibraryImport(Library)]
    private static partial IntPtr rd_kafka_handle_mock_cluster(IntPtr handle);

    [LibraryImport(Library)]
    private static partial IntPtr rd_kafka_mock_cluster_bootstraps(IntPtr cluster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rd_kafka_mock_topic_create(IntPtr cluster, string topic, int partitions, int replicationFactor);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial void rd_kafka_mock_broker_set_host_port(IntPtr cluster, int brokerId, string host, int port);

    [LibraryImport(Library)]
    private static partial int rd_kafka_mock_broker_set_down(IntPtr cluster, int brokerId);

    [LibraryImport(Library)]
    private static partial int rd_kafka_mock_broker_set_up(IntPtr cluster, int brokerId);
}
