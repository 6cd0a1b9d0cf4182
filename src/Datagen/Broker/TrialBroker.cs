using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Streaming.Kafka.Embedded;

namespace Retail.Datagen.Broker;

/// <summary>
/// The <c>broker</c> command: the embedded Kafka broker as a service of its own, reachable from other hosts or
/// containers under an advertised name. For trials where no Kafka image can be had; it keeps records in memory,
/// about 5 MiB per partition, so it is never for production.
/// </summary>
public static class TrialBroker
{
    public const string Name = "broker";

    public const string Usage = """
        Usage: datagen broker [--port N] [--advertise HOST]

        Runs the embedded Kafka broker (librdkafka's mock cluster) until stopped, listening on every address at
        --port (default 9092) and advertising HOST:PORT to clients (default localhost). Topics are created on first
        use with 4 partitions. In memory, about 5 MiB per partition: for trials and the container stack, not production.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var port = 9092;
        var advertise = "localhost";
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i], value)
            {
                case ("--port", { } p) when int.TryParse(p, CultureInfo.InvariantCulture, out port) && port is > 0 and < 65536:
                    break;
                case ("--advertise", { Length: > 0 } host):
                    advertise = host;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"Unexpected or invalid option '{args[i]}'.\n{Usage}");
                    return 2;
            }
        }

        using var broker = EmbeddedKafkaBroker.Start();
        // The mock broker listens on loopback: the forwarder takes the connections from outside, and metadata
        // names the advertised address, so clients come back through it.
        TcpForwarder forwarder;
        try
        {
            forwarder = TcpForwarder.Start(new IPEndPoint(IPAddress.Any, port), broker.BootstrapServers);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            await Console.Error.WriteLineAsync($"Cannot listen on port {port}: {ex.Message}");
            return 1;
        }

        await using var _ = forwarder;
        broker.Advertise(advertise, port);
        Console.WriteLine($"Kafka at {advertise}:{port}: the embedded broker, in memory, for trials only. Stop with Ctrl+C or SIGTERM.");

        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        await stopped.Task;
        Console.WriteLine("Broker stopped; its records are gone.");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.TrySetResult();
        }
    }
}
