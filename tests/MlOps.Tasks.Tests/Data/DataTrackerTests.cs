using MlOps.Tasks.Data;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Data;

public sealed class DataTrackerTests
{
    public sealed class Track
    {
        [Test]
        public void Should_Write_The_Pointer_Cache_And_Gitignore_As_Dvc_Add()
        {
            // Given
            using var temp = new TempDirectory();
            DvcVectors.WriteVectorA(temp, "data");

            // When
            var result = new DataTracker(temp.Path).Track("data");

            // Then
            Assert.That(result.Changed, Is.True);
            Assert.That(result.PointerFile, Is.EqualTo("data.dvc"));
            Assert.That(File.ReadAllText(temp["data.dvc"]), Is.EqualTo(DvcVectors.VectorAPointer));
            Assert.That(File.ReadAllText(temp[".gitignore"]), Is.EqualTo("/data\n"));
            Assert.That(File.ReadAllText(temp[".dvc/cache/files/md5/f3/5192d9e982b0e9a9316b7f20253770.dir"]), Does.StartWith("[{\"md5\": \"b1946ac9"));
            Assert.That(File.ReadAllText(temp[".dvc/cache/files/md5/c6/242222cf6ccdb15a43e0e5b1a08810"]), Is.EqualTo("line1\r\nline2\r\n"));
            Assert.That(File.ReadAllText(temp[".dvc/.gitignore"]), Is.EqualTo("/config.local\n/tmp\n/cache\n"));
        }

        [Test]
        public void Should_Report_Unchanged_When_Tracking_The_Same_Content_Again()
        {
            // Given
            using var temp = new TempDirectory();
            DvcVectors.WriteVectorA(temp, "data");
            var tracker = new DataTracker(temp.Path);
            tracker.Track("data");

            // When
            var again = tracker.Track("data");

            // Then
            Assert.That(again.Changed, Is.False);
            Assert.That(again.Previous!.Md5, Is.EqualTo(DvcVectors.VectorAMd5));
        }

        [Test]
        public void Should_Append_To_An_Existing_Gitignore_Once()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("data/credit.csv", "id\n1\n");
            temp.Write("data/.gitignore", "");
            temp.Write(".gitignore", "bin/");
            var tracker = new DataTracker(temp.Path);

            // When
            tracker.Track("data/credit.csv");
            tracker.Track("data/credit.csv");

            // Then
            Assert.That(File.ReadAllText(temp["data/.gitignore"]), Is.EqualTo("/credit.csv\n"));
            Assert.That(File.ReadAllText(temp["data/credit.csv.dvc"]), Does.EndWith("  path: credit.csv\n"));
            Assert.That(File.ReadAllText(temp[".gitignore"]), Is.EqualTo("bin/"));
        }

        [Test]
        public void Should_Keep_The_Description_Of_The_Previous_Pointer()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("foo", "foo");
            temp.Write("foo.dvc", "outs:\n- md5: 00000000000000000000000000000000\n  size: 3\n  hash: md5\n  path: foo\n  desc: The foo file\n");

            // When
            new DataTracker(temp.Path).Track("foo");

            // Then
            Assert.That(File.ReadAllText(temp["foo.dvc"]), Is.EqualTo(
                "outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  hash: md5\n  path: foo\n  desc: The foo file\n"));
        }

        [Test]
        public void Should_Refuse_To_Drop_Keys_It_Does_Not_Know()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("foo", "foo");
            temp.Write("foo.dvc", "outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  hash: md5\n  path: foo\n  labels:\n  - raw\n");

            // When
            var error = Assert.Throws<UsageException>(() => new DataTracker(temp.Path).Track("foo"));

            // Then
            Assert.That(error.Message, Is.EqualTo("foo.dvc has 'labels', which this version cannot keep; remove it or use `dvc add`."));
        }

        [Test]
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void Should_Record_An_Executable_File()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("run.sh", "foo");
            File.SetUnixFileMode(temp["run.sh"], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            // When
            new DataTracker(temp.Path).Track("run.sh");

            // Then
            Assert.That(File.ReadAllText(temp["run.sh.dvc"]), Is.EqualTo("outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  isexec: true\n  hash: md5\n  path: run.sh\n"));
        }

        [Test]
        public void Should_Refuse_A_Path_That_Does_Not_Exist()
        {
            // Given
            using var temp = new TempDirectory();

            // When
            var error = Assert.Throws<UsageException>(() => new DataTracker(temp.Path).Track("nope"));

            // Then
            Assert.That(error.Message, Is.EqualTo("'nope' does not exist; pass --path=<file or folder> to track."));
        }

        [Test]
        public void Should_Refuse_A_Path_Outside_The_Repository()
        {
            // Given
            using var temp = new TempDirectory();

            // When
            var error = Assert.Throws<UsageException>(() => new DataTracker(temp.Path).Track("../elsewhere"));

            // Then
            Assert.That(error.Message, Does.StartWith("'../elsewhere' is not inside the repository "));
        }
    }
}
