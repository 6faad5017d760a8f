using Cake.Core.Diagnostics;
using MlOps.Tasks;

namespace MlOps.Build.Host;

/// <summary>
/// Cake's command-line conventions: <c>--name=value</c> or <c>--name value</c>, flags without a
/// value (or <c>=true</c>/<c>=false</c>), <c>--target</c> repeatable. Anything unknown is an error.
/// </summary>
internal static class CommandLine
{
    /// <summary>Host options: name → (takes a value, help text).</summary>
    public static readonly IReadOnlyDictionary<string, (bool TakesValue, string Help)> Options = new Dictionary<string, (bool, string)>
    {
        ["target"] = (true, "Task to run, with its dependencies; repeatable (default: Default)."),
        ["exclusive"] = (false, "Run the targets only, not their dependencies."),
        ["dryrun"] = (false, "Show what would run; run no task body, setup or teardown."),
        ["tree"] = (false, "Show the dependency tree of the targets."),
        ["description"] = (false, "List the tasks with their descriptions."),
        ["verbosity"] = (true, "quiet | minimal | normal | verbose | diagnostic (stack traces)."),
        ["pipeline"] = (true, "Pipeline file (default: the only file in pipelines/, else pipelines/credit-scoring.yaml)."),
        ["environment"] = (true, "Deployment environment named in the pipeline file."),
        ["store"] = (true, "Tracking store and model registry: a folder, sqlite:///file.db or postgresql://user@host:port/db (default: $MLOPS_STORE, else .mlops)."),
        ["force"] = (false, "Re-run tasks even when their inputs are unchanged; hash data again instead of trusting remembered md5s."),
        ["report-only"] = (false, "Run the gates and write their results, but do not fail the build when one refuses."),
        ["table"] = (true, "Validate and train on this CSV instead of data.table (what Monitor's --retrain passes)."),
        ["retrain"] = (false, "Monitor: when drift is found, run the training pipeline on the current batch."),
        ["help"] = (false, "Show this help."),
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["t"] = "target",
        ["e"] = "exclusive",
        ["v"] = "verbosity",
        ["h"] = "help",
        ["?"] = "help",
        ["dry-run"] = "dryrun",
        ["noop"] = "dryrun",
        ["descriptions"] = "description",
        ["showdescription"] = "description",
        ["showtree"] = "tree",
    };

    /// <summary>Parses <paramref name="args"/>; <paramref name="taskArguments"/> are the options tasks declare.</summary>
    /// <exception cref="UsageException">An option is unknown, repeated, or lacks or has a bad value.</exception>
    public static BuildOptions Parse(IReadOnlyList<string> args, IReadOnlySet<string> taskArguments)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, value) = Split(args[i]);
            var takesValue = Options.TryGetValue(name, out var option) ? option.TakesValue
                : taskArguments.Contains(name) ? true : throw Unknown(args[i], name, taskArguments);
            if (value is null && takesValue)
            {
                value = i + 1 < args.Count && !args[i + 1].StartsWith('-') ? args[++i]
                    : throw new UsageException($"Option '--{name}' needs a value: --{name}=<value>.");
            }

            values.TryAdd(name, []);
            values[name].Add(value ?? "true");
        }

        foreach (var (name, list) in values.Where(v => v.Key != "target" && v.Value.Count > 1))
        {
            throw new UsageException($"Option '--{name}' is given {list.Count} times; give it once.");
        }

        string? Single(string name) => values.TryGetValue(name, out var list) ? list[0] : null;
        return new BuildOptions
        {
            Targets = values.TryGetValue("target", out var targets) ? targets : ["Default"],
            Exclusive = Flag("exclusive", Single("exclusive")),
            DryRun = Flag("dryrun", Single("dryrun")),
            Tree = Flag("tree", Single("tree")),
            Description = Flag("description", Single("description")),
            Help = Flag("help", Single("help")),
            Force = Flag("force", Single("force")),
            ReportOnly = Flag("report-only", Single("report-only")),
            Retrain = Flag("retrain", Single("retrain")),
            Table = Single("table"),
            Verbosity = ParseVerbosity(Single("verbosity") ?? "normal"),
            Pipeline = Single("pipeline"),
            Environment = Single("environment"),
            Store = Single("store"),
            TaskArguments = values.Where(v => taskArguments.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value[0], StringComparer.Ordinal),
        };
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var body = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : arg.StartsWith('-') ? arg[1..] : null;
        if (string.IsNullOrEmpty(body))
        {
            var hint = arg.Length > 0 && !arg.StartsWith('-') ? $" To run a task, use --target={arg}." : "";
            throw new UsageException($"Unexpected argument '{arg}'.{hint} Run with --help to see the options.");
        }

        var equals = body.IndexOf('=', StringComparison.Ordinal);
        var name = (equals < 0 ? body : body[..equals]).ToLowerInvariant();
        return (Aliases.GetValueOrDefault(name, name), equals < 0 ? null : body[(equals + 1)..]);
    }

    private static UsageException Unknown(string arg, string name, IReadOnlySet<string> taskArguments)
    {
        var suggestion = Spelling.Closest(name, Options.Keys.Concat(taskArguments));
        var hint = suggestion is null ? "" : $" Did you mean '--{suggestion}'?";
        return new UsageException($"Unknown option '{arg.Split('=')[0]}'.{hint} Run with --help to see the options.");
    }

    private static bool Flag(string name, string? value) => value switch
    {
        null or "false" => false,
        "true" => true,
        _ => throw new UsageException($"Option '--{name}' is a switch; give it alone or as --{name}=true|false, not '{value}'."),
    };

    private static Verbosity ParseVerbosity(string value) => value.ToLowerInvariant() switch
    {
        "quiet" or "q" => Verbosity.Quiet,
        "minimal" or "m" => Verbosity.Minimal,
        "normal" or "n" => Verbosity.Normal,
        "verbose" or "v" => Verbosity.Verbose,
        "diagnostic" or "diag" or "d" => Verbosity.Diagnostic,
        _ => throw new UsageException($"Verbosity '{value}' is not known; use quiet, minimal, normal, verbose or diagnostic."),
    };
}
