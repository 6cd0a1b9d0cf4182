using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Retail.Benchmarks.Probe;

/// <summary>The benchmark's end of a silo's <see cref="VariantProbe"/>: one connection, kept open for the whole run.</summary>
internal sealed class ProbeClient : IDisposable
{
    private readonly TcpClient _client;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private ProbeClient(TcpClient client)
    {
        _client = client;
        var stream = client.GetStream();
        _reader = new StreamReader(stream);
        _writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
    }

    public static async Task<ProbeClient> ConnectAsync(int port)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return new ProbeClient(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Events the silo has applied, and the <see cref="System.Diagnostics.Stopwatch"/> timestamp of the latest (0 before the first).</summary>
    public async Task<(long Applied, long LastTimestamp)> CountAsync()
    {
        var parts = (await AskAsync("count")).Split(' ');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public async Task StartLatencyAsync()
    {
        var answer = await AskAsync("latency-start");
        if (answer != "ok")
        {
            throw new InvalidOperationException($"The probe answered '{answer}' to latency-start.");
        }
    }

    public async Task<LatencyReading> StopLatencyAsync()
    {
        var parts = (await AskAsync("latency-stop")).Split(' ');
        return new LatencyReading(
            double.Parse(parts[0], CultureInfo.InvariantCulture),
            double.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _client.Dispose();
    }

    private async Task<string> AskAsync(string command)
    {
        await _writer.WriteLineAsync(command);
        return await _reader.ReadLineAsync() ?? throw new IOException($"The probe closed the connection when asked '{command}'.");
    }
}
