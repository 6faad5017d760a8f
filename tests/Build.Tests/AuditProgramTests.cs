using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>The VerifyAudit target as an auditor meets it: an intact log, an edited record, no log at all.</summary>
[Category("Slow")]
public sealed class AuditProgramTests
{
    private const string Log = ".mlops/audit/predictions.jsonl";

    private static string LastHash(string file)
    {
        var line = File.ReadLines(file).Last();
        return line[^66..^2];
    }

    [Test]
    public async Task Should_Report_An_Intact_Log_Across_Its_Rotated_Files()
    {
        // Given
        using var build = new BuildProgram();
        await AuditSamples.WriteAsync(build.Repository[Log], 30, maxBytes: 2000);
        var files = Directory.GetFiles(build.Repository[".mlops/audit"], "*.jsonl").Length;
        var hash = LastHash(build.Repository[Log]);

        // When
        var result = build.Run("--target=VerifyAudit");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(files, Is.GreaterThan(2));
        Assert.That(result.Output, Does.Contain($"Audit log {Log}: 30 records in {files} files, chain intact (last hash {hash[..4]}…{hash[^4..]})."));
        Assert.That(result.Output, Does.Match(@"VerifyAudit\s+ran\s+\S+\s+30 records, chain intact"));
    }

    [Test]
    public async Task Should_Exit_2_Naming_The_File_And_Line_Of_An_Edited_Record()
    {
        // Given
        using var build = new BuildProgram();
        var path = build.Repository[Log];
        await AuditSamples.WriteAsync(path, 10);
        var lines = File.ReadAllLines(path);
        lines[3] = lines[3].Replace("\"scores\":[0.04,", "\"scores\":[0.4,", StringComparison.Ordinal);
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));

        // When
        var result = build.Run("--target=VerifyAudit");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Errors);
        Assert.That(result.Errors, Is.EqualTo(
            $"Error: {Log}:4:1: record 4 was edited: its hash does not match its contents; restore the file from a backup (records after the break cannot be trusted).\n"));
        Assert.That(result.Output, Does.Match(@"VerifyAudit\s+failed"));
    }

    [Test]
    public async Task Should_Verify_The_Log_Given_With_The_Log_Option()
    {
        // Given
        using var build = new BuildProgram();
        await AuditSamples.WriteAsync(build.Repository["server/audit.jsonl"], 3);

        // When
        var result = build.Run("--target=VerifyAudit", "--log=server/audit.jsonl");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Output, Does.Contain("Audit log server/audit.jsonl: 3 records in 1 file, chain intact (last hash "));
    }

    [Test]
    public void Should_Exit_2_Saying_What_Writes_The_Log_When_There_Is_None()
    {
        // Given
        using var build = new BuildProgram();

        // When
        var result = build.Run("--target=VerifyAudit");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Errors);
        Assert.That(result.Errors, Is.EqualTo(
            $"Error: There is no audit log at {Log} (nor rotated segments beside it). The scoring server writes it when MLOPS_AUDIT_LOG is set "
            + "or `./build.sh --target=Serve` runs; give another log with --log=<file>.\n"));
    }
}
