using MlOps.Tasks.Monitoring;

namespace MlOps.Build.Host;

/// <summary>This build program as it runs now, for a task that runs it again (Monitor's <c>--retrain</c>).</summary>
internal static class SelfProgram
{
    /// <summary>The executable and, when the process is the dotnet host, the program's assembly (the entry assembly: this
    /// library is the host of whichever program references it) before the options.</summary>
    public static RetrainingProgram Current =>
        new(Environment.ProcessPath!, Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? [System.Reflection.Assembly.GetEntryAssembly()!.Location] : []);
}
