namespace MlOps.Tasks.Monitoring;

/// <summary>The build program as it runs now, to run again for retraining: its executable and the arguments before the options.</summary>
/// <param name="Path">The executable: the apphost, or the dotnet host.</param>
/// <param name="Arguments">What comes before the options: the program's assembly for the dotnet host, nothing for an apphost.</param>
public sealed record RetrainingProgram(string Path, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// Set to <c>true</c> in the environment of the build a retraining starts: its output lands inside the output of the build
    /// that started it (on a CI service, inside Monitor's log group).
    /// </summary>
    public const string NestedBuildVariable = "MLOPS_NESTED_BUILD";
}
