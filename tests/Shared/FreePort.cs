using System.Net;
using System.Net.Sockets;

namespace Retail.Tests.Shared;

internal static class FreePort
{
    // Linux may hand the same port to the next bind to port 0 once it is released, so a test that asked for an
    // HTTP port and a silo port could get one port twice, and its process then failed to bind the second.
    private static readonly HashSet<int> Given = [];

    /// <summary>A loopback TCP port that was free a moment ago, and that this process has not handed out before.</summary>
    public static int Next()
    {
        lock (Given)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
