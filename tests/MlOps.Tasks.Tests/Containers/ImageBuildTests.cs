using MlOps.Tasks.Containers;
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
