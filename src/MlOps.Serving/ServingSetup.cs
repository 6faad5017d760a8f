using MlOps.Serving.Audit;
using MlOps.Serving.Monitoring;

namespace MlOps.Serving;

/// <summary>Puts the scoring server together: settings, model, metrics, audit log, endpoints.</summary>
public static class ServingSetup
{
    /// <summary>Reads the settings and loads the model; throws <see cref="StartupException"/> when either is wrong.</summary>
    public static WebApplicationBuilder AddScoring(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = ServingOptions.From(builder.Configuration);
        var model = ServedModel.Load(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(model);
        builder.Services.AddSingleton<ScoringMetrics>();
        builder.Services.AddSingleton(_ => PredictionAudit.Open(model, options));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.Bind, options.Port);
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
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
