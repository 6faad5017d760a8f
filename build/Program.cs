using MlOps.Build.Host;
using Spectre.Console;

var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
if (Console.IsOutputRedirected)
{
    // CI logs have no width: never wrap (80 columns would break long messages in two).
    console.Profile.Width = 1000;
}

return await new BuildHost()
    .AddTasks(typeof(BuildHost).Assembly)
    .RunAsync(args, Directory.GetCurrentDirectory(), console, Console.Error);
