using System.Globalization;
using MlOps.Models.Audit;
using MlOps.Testing;

namespace MlOps.Models.Tests.Audit;

/// <summary>A full active file is renamed after its first record, and the chain runs on across files.</summary>
public sealed partial class AuditLogTests
{
    public sealed class Rotation
    {
        [Test]
        public async Task Should_Rotate_At_MaxBytes_Into_Segments_That_Verify_As_One_Chain()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["audit/predictions.jsonl"];

            // When
            await AuditSamples.WriteAsync(path, 30, maxBytes: 2000);

            // Then
            var verification = AuditLogVerifier.Verify(path);
            var segments = verification.Files.SkipLast(1).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(verification.IsIntact, Is.True);
                Assert.That(verification.Records, Is.EqualTo(30));
                Assert.That(segments, Has.Count.GreaterThanOrEqualTo(3));
                Assert.That(verification.Files[^1], Is.EqualTo(path));
            });
            foreach (var segment in segments)
            {
                var lines = AuditSamples.Lines(segment);
                var size = new FileInfo(segment).Length;
                Assert.That(Path.GetFileName(segment), Is.EqualTo($"predictions.{FirstSeq(lines):D12}.jsonl"));
                Assert.That(size, Is.GreaterThanOrEqualTo(2000));
                Assert.That(size - lines[^1].Length - 1, Is.LessThan(2000), "rotated before the record that would have gone past MaxBytes");
            }
        }

        [Test]
        public async Task Should_Name_Segments_After_Their_First_Record_Across_Reopening()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["predictions.jsonl"];
            await AuditSamples.WriteAsync(path, 12, maxBytes: 2000);

            // When
            await AuditSamples.WriteAsync(path, 12, maxBytes: 2000, first: 13);

            // Then
            var verification = AuditLogVerifier.Verify(path);
            Assert.That(verification.IsIntact, Is.True);
            Assert.That(verification.Records, Is.EqualTo(24));
            foreach (var segment in verification.Files.SkipLast(1))
            {
                Assert.That(Path.GetFileName(segment), Is.EqualTo($"predictions.{FirstSeq(AuditSamples.Lines(segment)):D12}.jsonl"));
            }
        }

        [Test]
        public async Task Should_Never_Rotate_When_MaxBytes_Is_Zero()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["predictions.jsonl"];

            // When
            await AuditSamples.WriteAsync(path, 30, maxBytes: 0);

            // Then
            Assert.That(AuditLogVerifier.Verify(path).Files, Is.EqualTo(new[] { path }));
        }

        private static long FirstSeq(List<string> lines) =>
            long.Parse(lines[0]["{\"seq\":".Length..lines[0].IndexOf(',', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }
}
