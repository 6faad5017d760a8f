using MlOps.Tasks.Containers;
using MlOps.Tasks.Tests.Tracking;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Containers;

public class ImageBuildTests
{
    public class Fingerprint
    {
        [Test]
        public void Should_Change_With_The_Bundle_The_Server_And_The_Base_Only()
        {
            // Given
            var same = ImageBuild.Fingerprint("b1", "s1", "sha256:base1");

            // When
            string[] changed =
            [
                ImageBuild.Fingerprint("b2", "s1", "sha256:base1"),
                ImageBuild.Fingerprint("b1", "s2", "sha256:base1"),
                ImageBuild.Fingerprint("b1", "s1", "sha256:base2"),
            ];

            // Then
            Assert.That(ImageBuild.Fingerprint("b1", "s1", "sha256:base1"), Is.EqualTo(same));
            Assert.That(changed.Append(same), Is.Unique);
        }
    }

    public class CheckVersion
    {
        [TestCase(null)]
        [TestCase("2")]
        [TestCase("v2")]
        [TestCase("staging")]
        [TestCase("latest")]
        public void Should_Let_Staging_Or_No_Version_Through(string? reference)
        {
            // Given
            using var fixture = new TestStore();
            fixture.Register();
            var staging = fixture.Register(alias: "staging");

            // When, Then
            Assert.That(() => ImageBuild.CheckVersion(fixture.Directory, staging, reference), Throws.Nothing);
        }

        [Test]
        public void Should_Refuse_Another_Version_Saying_How_To_Build_Its_Image()
        {
            // Given
            using var fixture = new TestStore();
            fixture.Register();
            var staging = fixture.Register(alias: "staging");

            // When
            var refused = Assert.Throws<UsageException>(() => ImageBuild.CheckVersion(fixture.Directory, staging, "v1"));

            // Then
            Assert.That(refused.Message, Is.EqualTo("BuildImage builds the image of staging v2 only, not of v1 (--version=v1); "
                + "point staging at it first (./build.sh --target=SetAlias --alias=staging --version=1), or deploy it to a local environment."));
        }
    }

    public class ImageRecordRead
    {
        [Test]
        public void Should_Treat_An_Unreadable_Record_As_None()
        {
            // Given
            using var folder = new TempDirectory();
            var path = folder.Write("image.json", "{ not json");

            // When
            var record = ImageRecord.Read(path);

            // Then
            Assert.That(record, Is.Null);
            Assert.That(ImageRecord.Read(folder["absent.json"]), Is.Null);
        }
    }
}
