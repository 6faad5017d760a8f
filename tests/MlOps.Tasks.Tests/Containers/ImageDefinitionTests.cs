using MlOps.Tasks.Containers;

namespace MlOps.Tasks.Tests.Containers;

public class ImageDefinitionTests
{
    private static ImageRequest Request(string commit = "5c93d6f0a1b2c3d4e5f60718293a4b5c6d7e8f90") => new()
    {
        ServingFolder = "/publish",
        Bundle = "/artifacts/model.mlbundle",
        PublicKey = "/artifacts/signing-key.pub.pem",
        BaseImage = "mlops/base:debian12-0a1b2c3d4e5f",
        GitCommit = commit,
        Created = new DateTimeOffset(2026, 11, 26, 16, 0, 0, TimeSpan.FromHours(1)),
        Port = 9090,
    };

    public class Dockerfile
    {
        [Test]
        public void Should_Run_The_Server_As_A_Numeric_Non_Root_User_On_Every_Interface()
        {
            // Given
            var request = Request();

            // When
            var dockerfile = ImageDefinition.Dockerfile(request);

            // Then
            Assert.That(dockerfile, Does.StartWith("FROM mlops/base:debian12-0a1b2c3d4e5f\n"));
            Assert.That(dockerfile, Does.Contain("\nUSER 10001:10001\n"));
            Assert.That(dockerfile, Does.Contain("MLOPS_BIND=0.0.0.0 \\").And.Contain("MLOPS_PORT=9090 \\"));
            Assert.That(dockerfile, Does.Contain("\nHEALTHCHECK ").And.Contain("http://127.0.0.1:${MLOPS_CHECK_PORT:-$MLOPS_PORT}/health\"]\n"));
            Assert.That(dockerfile, Does.Contain("\nENTRYPOINT [\"/app/MlOps.Serving\"]\n"));
        }

        [Test]
        public void Should_Leave_The_Health_Probe_Out_On_A_Base_That_May_Lack_Busybox()
        {
            // Given
            var request = Request() with { BaseImage = "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled" };

            // When
            var dockerfile = ImageDefinition.Dockerfile(request);

            // Then
            Assert.That(dockerfile, Does.Not.Contain("HEALTHCHECK"));
            Assert.That(dockerfile, Does.Contain("\nWORKDIR /app\nENTRYPOINT [\"/app/MlOps.Serving\"]\n"));
        }
    }

    public class ReuseFilter
    {
        [Test]
        public void Should_Ask_The_Daemon_For_The_Model_The_Bundle_And_The_Fingerprint_The_Labels_Name()
        {
            // When
            var filter = ImageDefinition.ReuseFilter("credit-scoring", "0a1b", "9f8e");

            // Then
            Assert.That(filter, Is.EqualTo(new[] { "mlops.model.name=credit-scoring", "mlops.bundle.sha256=0a1b", "mlops.image.fingerprint=9f8e" }));
            Assert.That(filter.Select(f => f[..f.IndexOf('=')]),
                Is.EqualTo(new[] { ImageDefinition.ModelLabel, ImageDefinition.BundleLabel, ImageDefinition.FingerprintLabel }));
        }
    }

    public class Tags
    {
        [Test]
        public void Should_Name_The_Model_The_Version_And_The_Bundle_But_No_Environment_Or_Bare_Version()
        {
            // Given
            const string bundleSha256 = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

            // When
            var tags = ImageDefinition.Tags(modelName: "Credit-Scoring", version: "3", bundleSha256);

            // Then
            Assert.That(tags, Is.EqualTo(new[] { "mlops/credit-scoring:v3-0a1b2c3d4e5f" }));
        }

        [Test]
        public void Should_Tell_Apart_Two_Bundles_Of_The_Same_Version()
        {
            // When
            var mine = ImageDefinition.Tags("credit-scoring", "1", "aaaaaaaaaaaa" + new string('0', 52));
            var another = ImageDefinition.Tags("credit-scoring", "1", "bbbbbbbbbbbb" + new string('0', 52));

            // Then
            Assert.That(mine, Is.Not.EquivalentTo(another));
        }
    }
}
