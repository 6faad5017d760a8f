using System.Collections;
using System.Reflection;
using Cake.Core;
using Cake.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MlOps.Build.Host;

/// <summary>
/// The build program's host, shaped like Cake Frosting's <c>CakeHost</c>: collects task classes and
/// a lifetime, resolves them through dependency injection, and runs the requested targets on
/// Cake's engine. Returns the process exit code (see <see cref="ExitCodes"/>).
/// </summary>
public sealed class BuildHost
{
    private readonly List<Type> taskTypes = [];
    private readonly ServiceCollection services = new();
    private Type? lifetimeType;
    private CiService ci = CiService.None;
    private string? failedTask;

    /// <summary>
    /// Runs the command line <paramref name="args"/> with every task of the program, in the current folder: the
    /// repository whose pipelines, data, store and artifacts the targets use. Returns the process exit code.
    /// </summary>
    public static Task<int> RunAsync(string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            // CI logs have no width: never wrap (80 columns would break long messages in two).
            console.Profile.Width = 1000;
        }

        var root = Directory.GetCurrentDirectory();
        var variables = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(v => (string)v.Key, v => v.Value as string ?? "", StringComparer.Ordinal);
        return new BuildHost()
            .AddTasks(typeof(BuildHost).Assembly)
            .UseCi(CiService.Detect(variables, root, TimeProvider.System))
            .RunAsync(args, root, console, Console.Error);
    }

    /// <summary>Writes for <paramref name="service"/>: groups around tasks, annotations, the job summary (default: plain output).</summary>
    internal BuildHost UseCi(CiService service)
    {
        ci = service ?? throw new ArgumentNullException(nameof(service));
        return this;
    }

    internal BuildHost AddTasks(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        taskTypes.AddRange(assembly.GetTypes().Where(t => typeof(BuildTask).IsAssignableFrom(t) && !t.IsAbstract));
        return this;
    }

    internal BuildHost AddTask<TTask>()
        where TTask : BuildTask
    {
        taskTypes.Add(typeof(TTask));
        return this;
    }

    internal BuildHost UseLifetime<TLifetime>()
        where TLifetime : BuildLifetime
    {
        lifetimeType = typeof(TLifetime);
        return this;
    }

    internal BuildHost ConfigureServices(Action<IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(services);
        return this;
    }

    /// <summary>Runs the command line <paramref name="args"/> in <paramref name="repositoryRoot"/>.</summary>
    internal async Task<int> RunAsync(IReadOnlyList<string> args, string repositoryRoot, IAnsiConsole console, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(errors);
        var diagnostic = args.Any(a => a.Contains("verbosity=diag", StringComparison.OrdinalIgnoreCase));
        try
        {
            var graph = new TaskGraph(taskTypes.Select(TaskDefinition.From));
            var declared = graph.Tasks.SelectMany(t => t.Arguments).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
            var options = CommandLine.Parse(args, declared);
            diagnostic = options.Verbosity == Verbosity.Diagnostic;
            if (options.Help)
            {
                ConsoleReports.Help(console.Profile.Out.Writer, graph);
                return ExitCodes.Success;
            }

            graph.CheckTargets(options.Targets);
            if (options.Description || options.Tree)
            {
                if (options.Description)
                {
                    ConsoleReports.Descriptions(console.Profile.Out.Writer, graph);
                }

                if (options.Tree)
                {
                    ConsoleReports.Tree(console, graph, options.Targets);
                }

                return ExitCodes.Success;
            }

            return await RunTargetsAsync(graph, options, repositoryRoot, console).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (ci.Annotate(CiReport.ForFailure(e, failedTask)) is { } annotation)
            {
                console.Profile.Out.Writer.WriteLine(annotation);
            }

            await errors.WriteLineAsync($"Error: {ExitCodes.Unwrap(e).Message}").ConfigureAwait(false);
            if (diagnostic)
            {
                await errors.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.For(e);
        }
    }

    private async Task<int> RunTargetsAsync(TaskGraph graph, BuildOptions options, string repositoryRoot, IAnsiConsole console)
    {
        await using var provider = BuildServices(graph, options, repositoryRoot, console);
        var workingDirectory = Directory.GetCurrentDirectory();
        try
        {
            return await RunEngineAsync(graph, options, provider, console).ConfigureAwait(false);
        }
        finally
        {
            // Cake's environment makes the repository the process's working directory; put it back.
            Directory.SetCurrentDirectory(workingDirectory);
        }
    }

    private async Task<int> RunEngineAsync(TaskGraph graph, BuildOptions options, ServiceProvider provider, IAnsiConsole console)
    {
        var context = provider.GetRequiredService<BuildContext>();
        if (options.Pipeline is not null || options.Environment is not null)
        {
            // Named explicitly, so check them before any task runs rather than when first used.
            _ = context.DeploymentEnvironment;
        }

        var engine = new CakeEngine(new CakeDataService(), context.Log);
        var tasks = graph.Tasks.ToDictionary(t => t.Name, t => (BuildTask)provider.GetRequiredService(t.Type), StringComparer.OrdinalIgnoreCase);
        foreach (var task in graph.Tasks)
        {
            Register(engine, task, graph, tasks[task.Name], context);
        }

        if (lifetimeType is not null)
        {
            var lifetime = (BuildLifetime)provider.GetRequiredService(lifetimeType);
            engine.RegisterSetupAction(info => lifetime.Setup(context, info));
            engine.RegisterTeardownAction(info => lifetime.Teardown(context, info));
        }

        var runner = new TaskRunner(context, console, options.DryRun, tasks, ci);
        // Targets run in the order given (Cake's unified graph would order them by name); TaskRunner runs shared tasks once.
        var settings = new ExecutionSettings()
            .SetTargets(options.Targets.Select(t => graph[t].Name))
            .UseUnifiedDependencyGraphForMultipleTargets(false);
        if (options.Exclusive)
        {
            settings.UseExclusiveTarget();
        }

        Exception? failure = null;
        try
        {
            await engine.RunTargetAsync(context, runner, settings).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            if (options.Verbosity >= Verbosity.Minimal)
            {
                ConsoleReports.Summary(console, runner.Outcomes);
            }

            failedTask = runner.Outcomes.LastOrDefault(o => o.Status == TaskStatus.Failed)?.Task;
            if (!options.DryRun)
            {
                var pipeline = context.LoadedPipeline;
                var run = new CiRun(options.Targets, runner.Outcomes, context.RepositoryRoot, pipeline, pipeline is null ? null : context.ArtifactsFolder, failure);
                CiReport.Write(ci, run, console.Profile.Out.Writer);
            }
        }

        return ExitCodes.Success;
    }

    private static void Register(CakeEngine engine, TaskDefinition definition, TaskGraph graph, BuildTask task, BuildContext context)
    {
        var builder = engine.RegisterTask(definition.Name).Description(definition.Description);
        foreach (var dependency in graph.DependenciesOf(definition.Name))
        {
            builder.IsDependentOn(dependency);
        }

        builder.Does(() => task.RunAsync(context));
        if (definition.Overrides(nameof(BuildTask.OnError)))
        {
            builder.OnError(exception => task.OnError(exception, context));
        }

        if (definition.Overrides(nameof(BuildTask.Finally)))
        {
            builder.Finally(() => task.Finally(context));
        }
    }

    private ServiceProvider BuildServices(TaskGraph graph, BuildOptions options, string repositoryRoot, IAnsiConsole console)
    {
        IServiceCollection all = new ServiceCollection();
        foreach (var service in services)
        {
            all.Add(service);
        }

        all.AddSingleton(console);
        all.AddSingleton(options);
        all.AddSingleton<ICakeLog>(new ConsoleLog(console, options.Verbosity));
        all.AddSingleton<BuildCancellation>();
        all.AddSingleton(provider => new BuildContext(
            CakeServices.CreateContext(provider, options, repositoryRoot), options, repositoryRoot, provider.GetRequiredService<BuildCancellation>()));
        all.AddSingleton<ICakeContext>(provider => provider.GetRequiredService<BuildContext>());
        foreach (var task in graph.Tasks)
        {
            all.AddSingleton(task.Type);
        }

        if (lifetimeType is not null)
        {
            all.AddSingleton(lifetimeType);
        }

        return all.BuildServiceProvider();
    }
}
