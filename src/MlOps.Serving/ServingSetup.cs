using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using MlOps.Serving.Audit;
using MlOps.Serving.Monitoring;

namespace MlOps.Serving;

/// <summary>Puts the scoring server together: settings, model, metrics, audit log, endpoints.</summary>
public static class ServingSetup
{
    /// <summary>How long a stopping server waits for requests in flight, before the audit log is drained and closed.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Reads the settings, loads the model and opens the audit log; throws <see cref="StartupException"/> when any is wrong.</summary>
    public static WebApplicationBuilder AddScoring(this WebApplicationBuilder builder, IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = ServingOptions.From(settings);
        var model = ServedModel.Load(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(model);
        builder.Services.AddSingleton<ScoringMetrics>();
        builder.Services.AddSingleton(PredictionAudit.Open(model, options));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.Bind, options.Port);
            if (options.CheckPort is { } checkPort)
            {
                kestrel.Listen(IPAddress.Loopback, checkPort);
            }

            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        if (options.ReusePort)
        {
            builder.Services.Configure<SocketTransportOptions>(sockets => sockets.CreateBoundListenSocket = SharedPort.Bind);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        return builder;
    }

    /// <summary>Maps the endpoints; /invocations, /version and /metrics need the API key when one is set.</summary>
    public static WebApplication MapScoring(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var guarded = app.MapGroup("").AddEndpointFilter<ApiKeyFilter>();
        guarded.MapScoring();
        app.MapStatus(guarded);
        app.MapUnknownRoutes();
        return app;
    }

    /// <summary>Says what is served where, and whether the audit log is on.</summary>
    public static void LogStarted(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var model = app.Services.GetRequiredService<ServedModel>();
        if (app.Logger.IsEnabled(LogLevel.Information))
        {
            app.Logger.Serving(model.Bundle.Provenance.ModelName, model.Bundle.Provenance.ModelVersion, model.Bundle.Sha256, string.Join(", ", app.Urls));
        }

        if (app.Services.GetRequiredService<PredictionAudit>().Path is null)
        {
            app.Logger.AuditOff();
        }
    }
}
