using MlOps.Serving;

var builder = WebApplication.CreateSlimBuilder(args);
// The server's settings come from MLOPS_* variables and the command line only: not from an
// appsettings.json that happens to lie in the working folder, nor from unprefixed variables.
var settings = new ConfigurationBuilder().AddEnvironmentVariables("MLOPS_").AddCommandLine(args).Build();
try
{
    builder.AddScoring(settings);
}
catch (StartupException e)
{
    Console.Error.WriteLine($"Error: {e.Message}");
    return 2;
}

var app = builder.Build();
app.MapScoring();
app.Lifetime.ApplicationStarted.Register(app.LogStarted);
try
{
    await app.RunAsync();
}
catch (IOException e)
{
    // Kestrel cannot bind: the port is taken, or the address is not this machine's.
    Console.Error.WriteLine($"Error: {e.Message} Pass another port with --port=<n> (or MLOPS_PORT).");
    return 2;
}

return 0;

/// <summary>The scoring server's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
