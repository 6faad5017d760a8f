using MlOps.Models.Audit;
using MlOps.Testing;

namespace MlOps.Models.Tests.Audit;

public sealed partial class AuditLogTests
{
    /// <summary>Records name the deployment and image that served them; logs written before that still verify.</summary>
    public sealed class Deployment
    {
        private const string Key = "0199a2b3c4d5e6f7a8b9c0d1e2f3a4b5";

        [Test]
        public async Task Should_Name_The_Deployment_And_Image_After_The_Bundle_When_Given()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["predictions.jsonl"];
            var image = "127.0.0.1:5000/mlops/credit-scoring@sha256:" + new string('c', 64);
            var entry = AuditSamples.Entry(1) with { Deployment = Key, ImageDigest = image };

            // When
            await using (var log = AuditLog.Open(new AuditLogOptions { Path = path }))
            {
                await log.AppendAsync(entry);
            }

            // Then
            var line = AuditSamples.Lines(path).Single();
            Assert.That(line, Does.Contain($"\"bundle_sha256\":\"{entry.BundleSha256}\",\"deployment\":\"{Key}\",\"image_digest\":\"{image}\",\"user\":"));
            Assert.That(AuditLogVerifier.Verify(path).IsIntact, Is.True);
        }

        [Test]
        public async Task Should_Continue_A_Log_Written_Before_Records_Named_Their_Deployment_With_The_Chain_Intact()
        {
            // Given: records as servers wrote them before MLOPS_DEPLOYMENT (Format pins their bytes)
            using var temp = new TempDirectory();
            var path = temp["predictions.jsonl"];
            await AuditSamples.WriteAsync(path, 3);

            // When: a deployed server continues the log
            await using (var log = AuditLog.Open(new AuditLogOptions { Path = path }))
            {
                await log.AppendAsync(AuditSamples.Entry(4) with { Deployment = Key, ImageDigest = "sha256:" + new string('c', 64) });
            }

            var verification = AuditLogVerifier.Verify(path);

            // Then
            var lines = AuditSamples.Lines(path);
            Assert.That(lines.Take(3), Has.All.Not.Contain("\"deployment\""));
            Assert.That(lines[3], Does.Contain($"\"deployment\":\"{Key}\""));
            Assert.That(verification.IsIntact, Is.True);
            Assert.That(verification.Records, Is.EqualTo(4));
        }
    }
}
