using System.Globalization;
using Cake.Core.Diagnostics;
using Spectre.Console;

namespace MlOps.Build.Host;

/// <summary>Cake's log, written through Spectre.Console so that colours follow the terminal and NO_COLOR.</summary>
internal sealed class ConsoleLog(IAnsiConsole console, Verbosity verbosity) : ICakeLog
{
    public Verbosity Verbosity { get; set; } = verbosity;

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args)
    {
        if (verbosity > Verbosity)
        {
            return;
        }

        var text = args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        var style = level switch
        {
            LogLevel.Fatal or LogLevel.Error => "red",
            LogLevel.Warning => "yellow",
            LogLevel.Verbose or LogLevel.Debug => "grey",
            _ => "default",
        };
        console.MarkupLine($"[{style}]{Markup.Escape(text)}[/]");
    }
}
