namespace MlOps.Build.Host;

/// <summary>Where the build program's build puts the scoring server (build/ScoringServer.targets).</summary>
internal static class ServerPrograms
{
    /// <summary>The framework-dependent server (Serve, local deployments), holding MlOps.Serving.dll.</summary>
    public static string Framework => Path.Combine(AppContext.BaseDirectory, "serving");

    /// <summary>The self-contained linux-x64 server that goes into images.</summary>
    public static string SelfContained => Path.Combine(AppContext.BaseDirectory, "serving-linux-x64");
}
