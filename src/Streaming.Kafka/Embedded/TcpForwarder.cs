using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Streaming.Kafka.Embedded;

/// <summary>
/// Accepts TCP connections on one endpoint and relays each, both ways, to a target: the embedded broker listens on
/// loopback only, so a broker in a container is reached through this on the container's own address.
/// </summary>
public sealed partial class TcpForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly ILogger? _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private TcpForwarder(TcpListener listener, string targetHost, int targetPort, ILogger? logger)
    {
        _listener = listener;
        _targetHost = targetHost;
        _targetPort = targetPort;
        _logger = logger;
        _accepting = AcceptAsync();
    }

    /// <summary>Where it listens; with port 0 asked for, the port the system gave.</summary>
    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Starts listening on <paramref name="listen"/> and relays to <paramref name="target"/> (<c>host:port</c>).</summary>
    public static TcpForwarder Start(IPEndPoint listen, string target, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(listen);
        var colon = target.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(target[(colon + 1)..], out var port))
        {
            throw new ArgumentException($"Expected host:port, got '{target}'.", nameof(target));
        }

        var listener = new TcpListener(listen);
        listener.Start();
        return new TcpForwarder(listener, target[..colon], port, logger);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException && _stop.IsCancellationRequested)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var remote = client.Client.RemoteEndPoint;
        using (client)
        using (var target = new TcpClient { NoDelay = true })
        {
            try
            {
                client.NoDelay = true;
                await target.ConnectAsync(_targetHost, _targetPort, _stop.Token);
                var incoming = client.GetStream();
                var outgoing = target.GetStream();
                // Either side closing ends the relay: the other copy then fails or ends, and both sockets close.
                await Task.WhenAny(incoming.CopyToAsync(outgoing, _stop.Token), outgoing.CopyToAsync(incoming, _stop.Token));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                if (_logger is not null && !_stop.IsCancellationRequested)
                {
                    LogRelayEnded(_logger, remote, ex);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Relay for {Client} ended")]
    private static partial void LogRelayEnded(ILogger logger, EndPoint? client, Exception ex);
}
