using MlOps.Build.Host;
using Spectre.Console;

var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
if (Console.IsOutputRedirected)
{
    // CI logs have no width; 80 columns would wrap the summary's notes.
    console.Profile.Width = 160;
}

return await new BuildHost()
    .AddTasks(typeof(BuildHost).Assembly)
    .RunAsync(args, Directory.GetCurrentDirectory(), console, Console.Error);
