using MlOps.Models.Audit;
using MlOps.Tasks.Audit;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Audit;

public sealed class AuditLogCheckTests
{
    private const string Log = ".mlops/audit/predictions.jsonl";

    public sealed class Verify
    {
        [Test]
        public async Task Should_Summarise_An_Intact_Log_Relative_To_The_Repository()
        {
            // Given
            using var temp = new TempDirectory();
            await AuditSamples.WriteAsync(temp[Log], 1204);
            var hash = File.ReadLines(temp[Log]).Last()[^66..^2];

            // When
            var summary = new AuditLogCheck(temp.Path).Verify(Log);

            // Then
            Assert.That(summary.ToString(), Is.EqualTo($"Audit log {Log}: 1,204 records in 1 file, chain intact (last hash {hash[..4]}…{hash[^4..]})."));
            Assert.That(summary.Note, Is.EqualTo("1,204 records, chain intact"));
        }

        [Test]
        public void Should_Summarise_An_Empty_Log_Without_A_Hash()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write(Log, "");

            // When
            var summary = new AuditLogCheck(temp.Path).Verify(Log);

            // Then
            Assert.That(summary.ToString(), Is.EqualTo($"Audit log {Log}: 0 records in 1 file, chain intact."));
        }

        [Test]
        public async Task Should_Name_A_Log_Outside_The_Repository_By_Its_Full_Path()
        {
            // Given
            using var repository = new TempDirectory();
            using var elsewhere = new TempDirectory();
            var path = elsewhere["predictions.jsonl"];
            await AuditSamples.WriteAsync(path, 2);

            // When
            var summary = new AuditLogCheck(repository.Path).Verify(path);

            // Then
            Assert.That(summary.Log, Is.EqualTo(path));
        }

        [Test]
        public async Task Should_Say_To_Restore_A_Missing_Segment()
        {
            // Given
            using var temp = new TempDirectory();
            await AuditSamples.WriteAsync(temp[Log], 20, maxBytes: 1000);
            var segments = AuditLogVerifier.Verify(temp[Log]).Files;
            File.Delete(segments[1]);
            var next = Path.GetRelativePath(temp.Path, segments[2]);

            // When
            var error = Assert.Throws<InvalidFileException>(() => new AuditLogCheck(temp.Path).Verify(Log));

            // Then
            Assert.That(error.Message, Does.StartWith($"{next}:1:1: records ").And.EndWith(
                " are missing before this file: a rotated segment was removed or renamed; restore the missing segment from a backup (records after the break cannot be trusted)."));
        }

        [Test]
        public async Task Should_Warn_Of_A_Line_A_Crash_Cut_Short_And_Pass_The_Chain_Around_It()
        {
            // Given
            using var temp = new TempDirectory();
            await AuditSamples.WriteAsync(temp[Log], 3);
            File.AppendAllText(temp[Log], "{\"seq\":4,");
            await AuditSamples.WriteAsync(temp[Log], 2, first: 4);

            // When
            var summary = new AuditLogCheck(temp.Path).Verify(Log);

            // Then
            Assert.That(summary.Records, Is.EqualTo(5));
            Assert.That(summary.Warning, Is.EqualTo(
                "Incomplete, from a crash while writing (the server continued the chain after each): .mlops/audit/predictions.000000000001.jsonl:4."));
        }

        [Test]
        public async Task Should_Name_An_Edit_After_A_Crash_Before_The_Crash()
        {
            // Given
            using var temp = new TempDirectory();
            await AuditSamples.WriteAsync(temp[Log], 3);
            File.AppendAllText(temp[Log], "{\"seq\":4,");
            await AuditSamples.WriteAsync(temp[Log], 3, first: 4);
            var lines = File.ReadAllLines(temp[Log]);
            lines[1] = lines[1].Replace("\"threshold\":0.5", "\"threshold\":0.2", StringComparison.Ordinal);
            File.WriteAllText(temp[Log], string.Concat(lines.Select(l => l + "\n")));

            // When
            var error = Assert.Throws<InvalidFileException>(() => new AuditLogCheck(temp.Path).Verify(Log));

            // Then
            Assert.That(error.Message, Is.EqualTo($"{Log}:2:1: record 5 was edited: its hash does not match its contents; "
                + "restore the file from a backup (records after the break cannot be trusted). "
                + "Also incomplete, from a crash while writing: .mlops/audit/predictions.000000000001.jsonl:4."));
        }
    }
}
