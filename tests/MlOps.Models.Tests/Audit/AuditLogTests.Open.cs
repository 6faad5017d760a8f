using System.Text;
using MlOps.Models.Audit;
using MlOps.Testing;

namespace MlOps.Models.Tests.Audit;

/// <summary>Opening an existing log continues its chain, and never changes a byte already written.</summary>
public sealed partial class AuditLogTests
{
    private const string Torn = "{\"seq\":6,\"time\":\"2026-11-26T13:58:06.12";

    public sealed class Open
    {
        [Test]
        public async Task Should_Continue_Seq_And_Prev_From_The_Last_Record()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["audit/predictions.jsonl"];
            await AuditSamples.WriteAsync(path, 5);
            var lastHash = AuditSamples.HashOf(AuditSamples.Lines(path)[^1]);

            // When
            await AuditSamples.WriteAsync(path, 3, first: 6);

            // Then
            var lines = AuditSamples.Lines(path);
            Assert.Multiple(() =>
            {
                Assert.That(lines, Has.Count.EqualTo(8));
                Assert.That(lines[5], Does.StartWith("{\"seq\":6,").And.Contain($"\"prev\":\"{lastHash}\""));
                Assert.That(AuditLogVerifier.Verify(path).Records, Is.EqualTo(8));
                Assert.That(AuditLogVerifier.Verify(path).IsIntact, Is.True);
            });
        }

        [TestCase(true)]
        [TestCase(false)]
        public async Task Should_Continue_From_The_Newest_Segment_When_The_Active_File_Is_Empty_Or_Missing(bool empty)
        {
            // Given: the writer stopped right after rotating.
            using var temp = new TempDirectory();
            var path = temp["predictions.jsonl"];
            await AuditSamples.WriteAsync(path, 3);
            File.Move(path, temp["predictions.000000000001.jsonl"]);
            if (empty)
            {
                File.WriteAllBytes(path, []);
            }

            // When
            await AuditSamples.WriteAsync(path, 2, maxBytes: 1, first: 4);

            // Then
            var verification = AuditLogVerifier.Verify(path);
            Assert.Multiple(() =>
            {
                Assert.That(verification.IsIntact, Is.True);
                Assert.That(verification.Records, Is.EqualTo(5));
                Assert.That(verification.Files.Select(Path.GetFileName), Is.EqualTo(new[]
                {
                    "predictions.000000000001.jsonl", "predictions.000000000004.jsonl", "predictions.jsonl",
                }));
            });
        }

        [Test]
        public async Task Should_Rotate_A_Torn_Last_Line_Away_As_It_Is_And_Continue_From_The_Record_Before_It()
        {
            // Given: the writer stopped while writing record 6.
            using var temp = new TempDirectory();
            var path = temp["predictions.jsonl"];
            await AuditSamples.WriteAsync(path, 5);
            File.AppendAllText(path, Torn);
            var before = File.ReadAllBytes(path);
            var lastHash = AuditSamples.HashOf(AuditSamples.Lines(path)[4]);

            // When
            await AuditSamples.WriteAsync(path, 3, first: 6);

            // Then
            var segment = temp["predictions.000000000001.jsonl"];
            var verification = AuditLogVerifier.Verify(path);
            Assert.Multiple(() =>
            {
                Assert.That(File.ReadAllBytes(segment), Is.EqualTo(before), "the torn file is kept byte for byte");
                Assert.That(AuditSamples.Lines(path)[0], Does.StartWith("{\"seq\":6,").And.Contain($"\"prev\":\"{lastHash}\""));
                Assert.That(verification.Breaks, Is.EqualTo(new[]
                {
                    new AuditBreak(segment, 6, AuditBreakKind.Incomplete, "the last line is incomplete (no newline ends it): the server stopped while writing it"),
                }));
                Assert.That(verification.Records, Is.EqualTo(8));
                Assert.That(verification.Files, Is.EqualTo(new[] { segment, path }));
            });
        }

        [Test]
        public async Task Should_Keep_A_Torn_File_Without_A_Complete_Record_Beside_The_Next_Segment_Of_The_Same_Number()
        {
            // Given: the writer stopped while writing the first record of a new log.
            using var temp = new TempDirectory();
            var path = temp.Write("predictions.jsonl", Torn);

            // When
            await AuditSamples.WriteAsync(path, 3, maxBytes: 1);

            // Then
            var verification = AuditLogVerifier.Verify(path);
            Assert.Multiple(() =>
            {
                Assert.That(File.ReadAllText(temp["predictions.000000000001.jsonl"]), Is.EqualTo(Torn));
                Assert.That(verification.Files.Select(Path.GetFileName), Is.EqualTo(new[]
                {
                    "predictions.000000000001.jsonl", "predictions.000000000001-2.jsonl", "predictions.000000000002.jsonl", "predictions.jsonl",
                }));
                Assert.That(verification.Breaks.Select(b => (Path.GetFileName(b.File), b.Line, b.Kind)), Is.EqualTo(new[]
                {
                    ("predictions.000000000001.jsonl", 1L, AuditBreakKind.Incomplete),
                }));
                Assert.That(verification.Records, Is.EqualTo(3));
            });
        }

        [Test]
        public async Task Should_Refuse_To_Continue_From_A_Line_That_Is_Not_A_Record()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["predictions.jsonl"];
            await AuditSamples.WriteAsync(path, 2);
            File.AppendAllText(path, "not a record\n", Encoding.UTF8);

            // When
            var error = Assert.Throws<InvalidDataException>(() => AuditLog.Open(new AuditLogOptions { Path = path }));

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"{path}: the audit log cannot be continued: its last complete line is not an audit record; "
                + "verify the log, and move the damaged file aside to continue from the files before it."));
        }
    }
}
