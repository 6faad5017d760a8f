using System.Globalization;
using System.Net;
using System.Text;
using MlOps.Tasks.ServerProcesses;

namespace MlOps.Tasks.Tests.Monitoring.Health;

/// <summary>An HTTP server on a free 127.0.0.1 port that answers every request with one status and body, as /metrics would.</summary>
internal sealed class LoopbackMetricsServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;

    public LoopbackMetricsServer(string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        Address = new Uri($"http://127.0.0.1:{LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)}/");
        listener.Prefixes.Add(Address.ToString());
        listener.Start();
        serving = ServeAsync(Encoding.UTF8.GetBytes(body), status);
    }

    public Uri Address { get; }

    /// <summary>The path and Authorization header of the last request.</summary>
    public (string? Path, string? Authorization) LastRequest { get; private set; }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await serving;
    }

    private async Task ServeAsync(byte[] body, HttpStatusCode status)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Stopped.
                return;
            }

            LastRequest = (context.Request.Url?.AbsolutePath, context.Request.Headers["Authorization"]);
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
