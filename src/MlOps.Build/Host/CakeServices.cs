using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Microsoft.Extensions.DependencyInjection;

namespace MlOps.Build.Host;

/// <summary>Builds Cake's own context (file system, environment, process runner, tools) for a run.</summary>
internal static class CakeServices
{
    public static ICakeContext CreateContext(IServiceProvider provider, BuildOptions options, string repositoryRoot)
    {
        var log = provider.GetRequiredService<ICakeLog>();
        var environment = new CakeEnvironment(new CakePlatform(), new CakeRuntime())
        {
            WorkingDirectory = new DirectoryPath(repositoryRoot),
        };
        var fileSystem = new FileSystem();
        var globber = new Globber(fileSystem, environment);
        var configuration = new CakeConfiguration(new Dictionary<string, string>());
        var tools = new ToolLocator(environment, new ToolRepository(environment), new ToolResolutionStrategy(fileSystem, environment, globber, configuration, log));
        var arguments = new CakeArguments(ArgumentsOf(options).ToLookup(a => a.Key, a => a.Value, StringComparer.OrdinalIgnoreCase));
        return new CakeContext(
            fileSystem,
            environment,
            globber,
            log,
            arguments,
            new ProcessRunner(fileSystem, environment, log, tools, configuration),
            new WindowsRegistry(),
            tools,
            new CakeDataService(),
            configuration,
            new ToolInstaller(environment, tools, configuration, log, []),
            provider);
    }

    // Cake aliases such as Argument("path") see the same values as BuildContext.Argument.
    private static IEnumerable<KeyValuePair<string, string>> ArgumentsOf(BuildOptions options)
    {
        foreach (var target in options.Targets)
        {
            yield return KeyValuePair.Create("target", target);
        }

        foreach (var argument in options.TaskArguments)
        {
            yield return argument;
        }

        if (options.Pipeline is not null)
        {
            yield return KeyValuePair.Create("pipeline", options.Pipeline);
        }

        if (options.Environment is not null)
        {
            yield return KeyValuePair.Create("environment", options.Environment);
        }
    }
}
