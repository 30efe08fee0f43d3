using System.Net;
using System.Net.Sockets;

namespace Sweep.Orchestrator.Hosting;

/// <summary>A free loopback TCP port, so several homes (and parallel tests) never collide on 11111/30000.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
