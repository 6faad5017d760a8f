using System.Net;
using System.Net.Sockets;

namespace MlOps.Tasks.ServerProcesses;

/// <summary>Ports on 127.0.0.1.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on now (the system's pick; another program could take it before it is used).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
