using MlOps.Tasks.Containers;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Containers;

public class OfflineBaseImageTests
{
    public class TagFor
    {
        [Test]
        public void Should_Not_Depend_On_The_Order_Of_The_Packages()
        {
            // Given
            DebianPackage[] packages = [new("libc6", "2.36-9+deb12u14"), new("zlib1g", "1:1.2.13.dfsg-1")];

            // When
            var tag = OfflineBaseImage.TagFor(packages);

            // Then
            Assert.That(tag, Does.Match("^mlops/base:debian12-[0-9a-f]{12}$"));
            Assert.That(OfflineBaseImage.TagFor(packages.Reverse()), Is.EqualTo(tag));
        }

        [Test]
        public void Should_Change_When_A_Version_Changes()
        {
            // Given
            DebianPackage[] before = [new("libc6", "2.36-9+deb12u13")];
            DebianPackage[] after = [new("libc6", "2.36-9+deb12u14")];

            // When, Then
            Assert.That(OfflineBaseImage.TagFor(after), Is.Not.EqualTo(OfflineBaseImage.TagFor(before)));
        }
    }

    [Category("Slow")]
    [Category("Docker")]
    public class EnsureAsync
    {
        [Test]
        public async Task Should_Import_The_Image_Once_And_Then_Reuse_It()
        {
            // Given
            using var docker = await Docker.RequireAsync();
            using var work = new TempDirectory();

            // When
            var first = await OfflineBaseImage.EnsureAsync(docker, work.Path);
            var second = await OfflineBaseImage.EnsureAsync(docker, work.Path);

            // Then
            Assert.That(second.Imported, Is.False);
            Assert.That(second.Id, Is.EqualTo(first.Id));
            Assert.That(second.Tag, Is.EqualTo(OfflineBaseImage.TagFor(first.Packages)));
            Assert.That(first.Packages.Select(p => p.Name), Is.EqualTo(OfflineBaseImage.PackageNames));
            TestContext.Out.WriteLine($"{first.Tag} {first.Id} imported={first.Imported}: {string.Join(' ', first.Packages)}");
        }
    }
}
