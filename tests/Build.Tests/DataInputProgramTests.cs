using System.Security.Cryptography;
using System.Text;

namespace MlOps.Build.Tests;

/// <summary>Data and store locations the program must refuse with exit 2, one Error: line naming the place, and nothing written.</summary>
[Category("Slow")]
public sealed class DataInputProgramTests
{
    private static void AssertRefused(BuildProgram.Result result, string error)
    {
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Errors);
        Assert.That(result.Errors, Is.EqualTo($"Error: {error}\n"));
        Assert.That(result.Output + result.Errors, Does.Not.Contain("   at "), "no stack trace below diagnostic verbosity");
    }

    [Test]
    public void Should_Refuse_To_Track_The_Store_And_Its_Signing_Key()
    {
        // Given: a store with its development key
        using var build = new BuildProgram();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        build.Repository.Write(".mlops/keys/signing-key.pem", key.ExportPkcs8PrivateKeyPem());

        // When
        var store = build.Run("--target=TrackData", "--path=.mlops");
        var inside = build.Run("--target=TrackData", "--path=.mlops/keys/signing-key.pem");

        // Then
        AssertRefused(store, "'.mlops' is the tracking store (.mlops): the registry and the signing key must not be copied into .dvc/cache, "
            + "which dvc push uploads; track a data file or folder, e.g. --path=data.");
        AssertRefused(inside, "'.mlops/keys/signing-key.pem' is inside the tracking store (.mlops): the registry and the signing key "
            + "must not be copied into .dvc/cache, which dvc push uploads; track a data file or folder, e.g. --path=data.");
        Assert.That(build.Repository[".dvc"], Does.Not.Exist);
        Assert.That(build.Repository[".mlops.dvc"], Does.Not.Exist);
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Should_Refuse_To_Track_A_Folder_With_A_Symbolic_Link_Loop()
    {
        // Given
        using var build = new BuildProgram();
        build.Repository.Write("data/credit.csv", "id\n1\n");
        File.CreateSymbolicLink(build.Repository["data/loop"], "loop");
        Directory.CreateSymbolicLink(build.Repository["data/again"], ".");
        try
        {
            // When
            var file = build.Run("--target=TrackData", "--path=data/loop");
            File.Delete(build.Repository["data/loop"]);
            var folder = build.Run("--target=TrackData", "--path=data");

            // Then
            AssertRefused(file, "'data/loop' is a symbolic link that cannot be followed (it loops, or its target does not exist); remove or fix it and track again.");
            AssertRefused(folder, "'data/again' is a symbolic link back to 'data', which holds it (a loop); remove it and track again.");
            Assert.That(build.Repository[".dvc"], Does.Not.Exist);
            Assert.That(build.Repository["data.dvc"], Does.Not.Exist);
        }
        finally
        {
            File.Delete(build.Repository["data/loop"]);
            Directory.Delete(build.Repository["data/again"]);
        }
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Should_Refuse_A_Store_That_Is_A_File_Or_A_Link_Loop()
    {
        // Given
        using var build = new BuildProgram();
        build.Repository.Write("notes.txt", "mine\n");
        File.CreateSymbolicLink(build.Repository["loop"], "loop");
        try
        {
            // When
            var file = build.Run("--target=Models", "--store=notes.txt");
            var loop = build.Run("--target=Models", "--store=loop");

            // Then
            AssertRefused(file, "--store=notes.txt is a file; the tracking store is a folder (it holds mlops.db and artifacts/): "
                + "name a folder, new or existing, or leave --store out for .mlops.");
            AssertRefused(loop, "--store=loop is a symbolic link that cannot be followed (it loops, or its target does not exist); "
                + "the tracking store is a folder (it holds mlops.db and artifacts/): name a folder, new or existing, or leave --store out for .mlops.");
            Assert.That(File.ReadAllText(build.Repository["notes.txt"]), Is.EqualTo("mine\n"));
            Assert.That(build.Repository[".mlops"], Does.Not.Exist);
        }
        finally
        {
            File.Delete(build.Repository["loop"]);
        }
    }

    [Test]
    public void Should_Refuse_A_Table_That_Is_Not_Utf8_Naming_Line_And_Column()
    {
        // Given: the sample with a Latin-1 'é' on line 101, pinned on purpose
        using var build = BuildProgram.QuickSample();
        Assert.That(build.Run("--target=PullData").ExitCode, Is.Zero);
        var (offset, column) = Latin1(build.Repository["data/credit.csv"], line: 101);
        Assert.That(build.Run("--target=TrackData").ExitCode, Is.Zero);

        // When
        var result = build.Run("--target=ValidateData");

        // Then
        AssertRefused(result, $"data/credit.csv:101:{column}: the file is not UTF-8: byte 0xE9 at offset {offset} is not part of a UTF-8 character; "
            + "save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8).");
        Assert.That(build.Repository["artifacts/credit-scoring/validation.json"], Does.Not.Exist);
        Assert.That(build.Repository["artifacts/credit-scoring/profile.json"], Does.Not.Exist);
    }

    [Test]
    public void Should_Refuse_A_Current_Batch_That_Is_Not_Utf8_Naming_Line_And_Column()
    {
        // Given
        using var build = BuildProgram.QuickSample();
        Assert.That(build.Run("--target=PullData").ExitCode, Is.Zero);
        var (offset, column) = Latin1(build.Repository["data/current.csv"], line: 7);

        // When
        var result = build.Run("--target=Monitor", "--current=data/current.csv");

        // Then
        AssertRefused(result, $"data/current.csv:7:{column}: the file is not UTF-8: byte 0xE9 at offset {offset} is not part of a UTF-8 character; "
            + "save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8).");
        Assert.That(build.Repository["artifacts/credit-scoring/monitoring"], Does.Not.Exist);
    }

    [Test]
    public void Should_Train_On_A_Whitespace_Aligned_Table_And_Name_The_Line_And_Column_Of_A_Ragged_Row()
    {
        // Given: the sample's table laid out as UCI's Statlog files, with separator: whitespace
        using var build = BuildProgram.QuickSample(("separator: \",\"", "separator: whitespace"));
        Assert.That(build.Run("--target=PullData").ExitCode, Is.Zero);
        var table = build.Repository["data/credit.csv"];
        File.WriteAllLines(table, File.ReadAllLines(table).Select(WhitespaceAligned));
        Assert.That(build.Run("--target=TrackData").ExitCode, Is.Zero);

        // When
        var trained = build.Run("--target=Train");
        var lastRow = File.ReadLines(table).Last();
        File.AppendAllText(table, lastRow + "   extra\n");
        Assert.That(build.Run("--target=TrackData").ExitCode, Is.Zero);
        var ragged = build.Run("--target=ValidateData");

        // Then
        Assert.That(trained.ExitCode, Is.Zero, trained.Output + trained.Errors);
        Assert.That(trained.Output, Does.Contain("20,000 rows, 66/66 passed"));
        AssertRefused(ragged, $"data/credit.csv:20002:{lastRow.Length + 4}: row 20000 has 21 fields, but the header has 20; "
            + "check the separator and the quoting of this line.");
    }

    // Fields separated by runs of spaces or tabs, some lines indented or ending in whitespace; an empty (missing) field becomes NA.
    private static string WhitespaceAligned(string line, int number) =>
        (number % 3 == 0 ? "  " : "") + string.Join(number % 2 == 0 ? "   " : "\t ", line.Split(',').Select(f => f.Length == 0 ? "NA" : f)) + (number % 5 == 0 ? " \t" : "");

    /// <summary>Replaces the first letter of the region on <paramref name="line"/> by Latin-1's 'é'; returns its offset and 1-based column.</summary>
    private static (long Offset, int Column) Latin1(string path, int line)
    {
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.ASCII.GetString(bytes);
        var start = 0;
        for (var i = 1; i < line; i++)
        {
            start = text.IndexOf('\n', start) + 1;
        }

        var end = text.IndexOf('\n', start);
        var region = new[] { "north", "south", "east", "west", "central" }.Select(w => text.IndexOf("," + w + ",", start, end - start, StringComparison.Ordinal))
            .Where(i => i >= 0).Min() + 1;
        bytes[region] = 0xE9;
        File.WriteAllBytes(path, bytes);
        return (region, region - start + 1);
    }
}
