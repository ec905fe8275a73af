using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CollectorShop.Tests;

public static class TestPorts
{
    private static readonly ConcurrentDictionary<int, bool> Given = new();

    /// <summary>
    /// A loopback TCP port nobody listens on right now and no test of this run was given before: the system may hand a
    /// just-released port out again before the host it went to has bound it.
    /// </summary>
    public static int Free()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (Given.TryAdd(port, true))
            {
                return port;
            }
        }
    }
}
