using System.Net;
using System.Net.Sockets;

namespace CollectorShop.Tests;

public static class TestPorts
{
    /// <summary>A loopback TCP port nobody listens on right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
