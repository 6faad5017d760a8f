using System.Net;
using System.Net.Sockets;

namespace MlOps.Serving;

/// <summary>Listening sockets that another server may bind as well (SO_REUSEPORT): the kernel spreads new connections over both.</summary>
internal static class SharedPort
{
    // SOL_SOCKET and SO_REUSEPORT on Linux; other systems keep their own numbers.
    private const int SocketLevel = 1;
    private const int ReusePort = 15;

    /// <summary>Binds a listening socket to <paramref name="endpoint"/> with SO_REUSEPORT set.</summary>
    public static Socket Bind(EndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SetRawSocketOption(SocketLevel, ReusePort, BitConverter.GetBytes(1));
            socket.Bind(endpoint);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
