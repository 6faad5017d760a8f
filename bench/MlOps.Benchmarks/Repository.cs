namespace MlOps.Benchmarks;

/// <summary>The repository the benchmarks run in, found upwards from the benchmark program.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "pipelines", "credit-scoring.yaml")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }
}
