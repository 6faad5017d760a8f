using MlOps.Serving;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.AddEnvironmentVariables("MLOPS_");
builder.Configuration.AddCommandLine(args);
try
{
    builder.AddScoring();
}
catch (StartupException e)
{
    Console.Error.WriteLine($"Error: {e.Message}");
    return 2;
}

var app = builder.Build();
app.MapScoring();
app.Lifetime.ApplicationStarted.Register(app.LogStarted);
await app.RunAsync();
return 0;

/// <summary>The scoring server's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
