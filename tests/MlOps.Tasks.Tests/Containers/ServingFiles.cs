using System.Diagnostics;
using MlOps.Models.Bundles;
using MlOps.Models.Schema;
using MlOps.Models.Tables;
using MlOps.Models.Training;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Containers;

/// <summary>
/// What a model image is built from, made once per test run: a self-contained publish of
/// MlOps.Serving (or the one MLOPS_SERVING_PUBLISH names, to save the half minute) and a small
/// signed bundle with its public key.
/// </summary>
internal static class ServingFiles
{
    private static readonly Lazy<Files> Made = new(Make);

    public static string ServingFolder => Made.Value.Serving;

    public static string Bundle => Made.Value.Bundle;

    public static string PublicKey => Made.Value.PublicKey;

    /// <summary>Another key's public half: the bundle does not verify with it.</summary>
    public static string OtherPublicKey => Made.Value.OtherPublicKey;

    /// <summary>Two rows as an /invocations body.</summary>
    public const string Rows = """{"dataframe_records": [{"id": "a", "income": 35, "region": "south"}, {"id": "b", "income": 90, "region": "north"}]}""";

    private static readonly ModelSchema Schema = new(
        [new("id", ColumnKind.Id), new("income", ColumnKind.Numeric), new("region", ColumnKind.Categorical), new("default", ColumnKind.Categorical)], "default", "1");

    private static Files Make()
    {
        var folder = new TempDirectory();
        using var key = SigningKey.Generate();
        using var other = SigningKey.Generate();
        var model = ModelTrainer.Train(Table(300), Schema, new TrainingOptions { Parameters = new Dictionary<string, string> { ["number_of_iterations"] = "10" } });
        var bundle = TestBundle.Write(folder["model" + ModelBundle.Extension], model, Schema, "4", key);
        var serving = Environment.GetEnvironmentVariable("MLOPS_SERVING_PUBLISH") is { Length: > 0 } given ? given : Publish(folder["serving"]);
        return new Files(folder, serving, bundle, folder.Write("key.pub.pem", key.PublicKey.ExportPem()), folder.Write("other.pub.pem", other.PublicKey.ExportPem()));
    }

    private static string Publish(string output)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "MlOps.Serving");
        using var publish = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "-p:InvariantGlobalization=true", "-o", output, "--nologo" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var log = publish.StandardOutput.ReadToEnd();
        publish.WaitForExit();
        Assert.That(publish.ExitCode, Is.Zero, log);
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MlOps.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("No MlOps.slnx above the test folder.");
    }

    private static TableData Table(int rows)
    {
        var random = new Random(5);
        var (id, income, region, label) = (new string[rows], new float[rows], new string[rows], new bool[rows]);
        for (var i = 0; i < rows; i++)
        {
            id[i] = $"r{i}";
            income[i] = (float)(20 + (80 * random.NextDouble()));
            region[i] = random.Next(2) == 0 ? "north" : "south";
            label[i] = random.NextDouble() < 1 / (1 + Math.Exp((income[i] / 20) - 3 - (region[i] == "south" ? 1 : 0)));
        }

        return new TableData([new TextColumn("id", id), new NumberColumn("income", income), new TextColumn("region", region), new FlagColumn("default", label)]);
    }

    private sealed record Files(TempDirectory Folder, string Serving, string Bundle, string PublicKey, string OtherPublicKey);
}
