using YamlDotNet.RepresentationModel;

namespace MlOps.Tasks.Pipeline;

/// <summary>Finds and reads pipeline files; the one place that knows the file's syntax.</summary>
public static class PipelineFile
{
    /// <summary>The folder of pipeline files, relative to the repository root.</summary>
    public const string Folder = "pipelines";

    /// <summary>The pipeline used when pipelines/ holds several and none is named.</summary>
    public const string DefaultFile = "pipelines/credit-scoring.yaml";

    /// <summary>
    /// The pipeline file to use: <paramref name="requested"/> when given, else the only file in
    /// pipelines/, else pipelines/credit-scoring.yaml. Returned relative to <paramref name="root"/>.
    /// </summary>
    public static string Locate(string root, string? requested)
    {
        var available = Available(root);
        var chosen = requested ?? (available.Count == 1 ? available[0] : DefaultFile);
        var relative = Path.GetRelativePath(root, Path.GetFullPath(chosen, root));
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new UsageException($"--pipeline={chosen} is outside the repository the build runs in ({root}), whose data, store and artifacts it "
                + "would use. Run the build in the repository that holds the pipeline file: `dotnet new mlops` makes one with its own ./build.sh "
                + "(docs/your-repository.md).");
        }

        if (!File.Exists(Path.Combine(root, chosen)))
        {
            var list = available.Count == 0 ? "there are none in pipelines/" : "available: " + string.Join(", ", available);
            throw new UsageException($"Pipeline file '{chosen}' does not exist ({list}). Name one with --pipeline=<file>.");
        }

        return chosen.Replace('\\', '/');
    }

    /// <summary>Reads and checks a pipeline file; <paramref name="file"/> is relative to <paramref name="root"/>.</summary>
    /// <exception cref="InvalidFileException">The file is not UTF-8, not valid YAML or not a valid pipeline.</exception>
    public static PipelineDefinition Load(string root, string file)
    {
        var stream = YamlSource.Load(Path.Combine(root, file), file);
        if (stream.Documents.Count == 0)
        {
            throw new InvalidFileException(new SourceLocation(file, 1, 1), "The pipeline file is empty; it needs at least 'name' and 'data'.");
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            throw new InvalidFileException(new SourceLocation(file, second.Line, second.Column), "A pipeline file holds one YAML document; remove the '---' separator.");
        }

        var document = stream.Documents[0].RootNode;
        if (document is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            throw new InvalidFileException(new SourceLocation(file, 1, 1), "The pipeline file is empty; it needs at least 'name' and 'data'.");
        }

        var pipeline = new YamlBinder(file).Bind<PipelineDefinition>(document, "");
        pipeline.File = file;
        PipelineChecks.Check(pipeline);
        return pipeline;
    }

    private static List<string> Available(string root)
    {
        var folder = Path.Combine(root, Folder);
        return !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml"))
                .Select(f => $"{Folder}/{Path.GetFileName(f)}")
                .Order(StringComparer.Ordinal)
                .ToList();
    }
}
