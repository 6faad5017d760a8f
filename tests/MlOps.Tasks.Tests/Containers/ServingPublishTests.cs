using MlOps.Tasks.Containers;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Containers;

public class ServingPublishTests
{
    public class Sha256
    {
        [Test]
        public void Should_Change_When_A_File_Changes_Is_Added_Or_Renamed()
        {
            // Given
            using var folder = new TempDirectory();
            folder.Write("MlOps.Serving", "apphost");
            folder.Write("lib/a.dll", "one");
            var before = ServingPublish.Sha256(folder.Path).Sha256;

            // When
            folder.Write("lib/a.dll", "two");
            var changed = ServingPublish.Sha256(folder.Path).Sha256;
            folder.Write("lib/b.dll", "two");
            var added = ServingPublish.Sha256(folder.Path).Sha256;
            File.Move(folder["lib/b.dll"], folder["lib/c.dll"]);
            var renamed = ServingPublish.Sha256(folder.Path).Sha256;

            // Then
            Assert.That(new[] { before, changed, added, renamed }, Is.Unique);
            Assert.That(ServingPublish.Sha256(folder.Path).Sha256, Is.EqualTo(renamed));
        }

        [Test]
        public void Should_Read_No_File_Again_While_Sizes_And_Times_Are_Unchanged()
        {
            // Given
            using var folder = new TempDirectory();
            var files = new[] { folder.Write("serving/MlOps.Serving", "apphost"), folder.Write("serving/lib/a.dll", "one"), folder.Write("serving/lib/b.dll", "two") };
            var serving = folder["serving"];
            Array.ForEach(files, f => File.SetLastWriteTimeUtc(f, DateTime.UtcNow.AddHours(-1)));

            // When
            var first = ServingPublish.Sha256(serving);
            var second = ServingPublish.Sha256(serving);
            folder.Write("serving/lib/a.dll", "ONE");
            File.SetLastWriteTimeUtc(folder["serving/lib/a.dll"], DateTime.UtcNow.AddMinutes(-1));
            var edited = ServingPublish.Sha256(serving);
            var forced = ServingPublish.Sha256(serving, forget: true);

            // Then
            Assert.That(first, Is.EqualTo(new MlOps.Tasks.Data.FolderDigest(first.Sha256, Files: 3, Hashed: 3)));
            Assert.That(second, Is.EqualTo(first with { Hashed = 0 }));
            Assert.That(edited.Sha256, Is.Not.EqualTo(first.Sha256));
            Assert.That(edited.Hashed, Is.EqualTo(1));
            Assert.That(forced, Is.EqualTo(edited with { Hashed = 3 }));
            Assert.That(File.Exists(folder["serving.sha256s.json"]), Is.True, "remembered beside the folder, not in it");
        }

        [Test]
        public void Should_Say_How_To_Publish_When_The_Server_Is_Missing()
        {
            // Given
            using var folder = new TempDirectory();

            // When
            var failed = Assert.Throws<ContainerException>(() => ServingPublish.Sha256(folder.Path));

            // Then
            Assert.That(failed!.Message, Is.EqualTo(
                $"{folder.Path} holds no MlOps.Serving; build the build program again (it publishes the server there), " +
                $"or publish it with `dotnet publish src/MlOps.Serving -c Release -r linux-x64 --self-contained -o {folder.Path}`."));
        }
    }

    [Category("Slow")]
    public class SelfContainedPublish
    {
        [Test]
        public void Should_Leave_Out_What_Only_Debuggers_Dumps_And_Opt_In_Settings_Load()
        {
            // Given
            string[] unused = ["createdump", "libmscordaccore.so", "libmscordbi.so", "libclrgc.so", "libclrgcexp.so", "libcoreclrtraceptprovider.so"];

            // When
            var files = Directory.EnumerateFiles(ServingFiles.ServingFolder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

            // Then
            Assert.That(files, Does.Contain("MlOps.Serving").And.Contain("libcoreclr.so").And.Contain("lib_lightgbm.so"));
            Assert.That(files, Has.None.AnyOf(unused));
            Assert.That(files, Has.None.EndsWith(".dbg").And.None.EndsWith(".xml"));
        }
    }
}
