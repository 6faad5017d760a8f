using MlOps.Tasks.Data;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Data;

public sealed class DataTrackerTests
{
    private const string PrivateKey = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";

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
            Assert.That(File.ReadAllText(temp["run.sh.dvc"]),
                Is.EqualTo("outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  isexec: true\n  hash: md5\n  path: run.sh\n"));
        }

        [Test]
        public void Should_Refuse_The_Tracking_Store_And_Leave_The_Cache_Untouched()
        {
            // Given: the store, with its development key
            using var temp = new TempDirectory();
            temp.Write(".mlops/mlops.db", "");
            temp.Write(".mlops/keys/signing-key.pem", PrivateKey);

            // When
            var error = Assert.Throws<UsageException>(() => new DataTracker(temp.Path).Track(".mlops"));

            // Then
            Assert.That(error.Message, Is.EqualTo(
                "'.mlops' is the tracking store (.mlops): the registry and the signing key must not be copied into .dvc/cache, " +
                "which dvc push uploads; track a data file or folder, e.g. --path=data."));
            Assert.That(temp[".dvc"], Does.Not.Exist);
            Assert.That(temp[".mlops.dvc"], Does.Not.Exist);
        }

        [TestCase(".mlops/keys", "'.mlops/keys' is inside the tracking store (.mlops): " +
            "the registry and the signing key must not be copied into .dvc/cache, " +
            "which dvc push uploads; track a data file or folder, e.g. --path=data.")]
        [TestCase(".git", "'.git' is git's own folder (.git); track a data file or folder, e.g. --path=data.")]
        [TestCase(".git/config", "'.git/config' is inside git's own folder (.git); track a data file or folder, e.g. --path=data.")]
        [TestCase(".dvc/config", "'.dvc/config' is inside DVC's own folder (.dvc); track a data file or folder, e.g. --path=data.")]
        public void Should_Refuse_The_Store_Git_And_Dvc_Folders_And_What_Is_Inside_Them(string path, string message)
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write(".mlops/keys/signing-key.pem", PrivateKey);
            temp.Write(".git/config", "[core]\n");
            temp.Write(".dvc/config", "");

            // When
            var error = Assert.Throws<UsageException>(() => new DataTracker(temp.Path).Track(path));

            // Then
            Assert.That(error.Message, Is.EqualTo(message));
            Assert.That(temp[".dvc/cache"], Does.Not.Exist);
        }

        [Test]
        public void Should_Refuse_A_Folder_That_Holds_The_Store_Given_With_Store()
        {
            // Given: --store=data/store
            using var temp = new TempDirectory();
            temp.Write("data/credit.csv", "id\n1\n");
            temp.Write("data/store/mlops.db", "");

            // When
            var error = Assert.Throws<UsageException>(() => new DataTracker(temp.Path, temp["data/store"]).Track("data"));

            // Then
            Assert.That(error.Message, Is.EqualTo(
                "'data' holds the tracking store (data/store): the registry and the signing key must not be copied into .dvc/cache, " +
                "which dvc push uploads; track a data file or folder, e.g. --path=data."));
            Assert.That(temp[".dvc"], Does.Not.Exist);
        }

        [Test]
        public void Should_Refuse_A_Folder_Holding_A_Private_Key()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("data/credit.csv", "id\n1\n");
            temp.Write("data/keys/deploy.pem", PrivateKey);

            // When
            var error = Assert.Throws<UsageException>(() => new DataTracker(temp.Path).Track("data"));

            // Then
            Assert.That(error.Message, Is.EqualTo("'data/keys/deploy.pem' is a private key: keys must not be copied into .dvc/cache, " +
                "which dvc push uploads; move it out of 'data' and track again."));
            Assert.That(temp[".dvc"], Does.Not.Exist);
        }

        [Test]
        public void Should_Refuse_A_Private_Key_Itself_But_Track_A_Public_One()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("signing-key.pem", PrivateKey);
            temp.Write("signing-key.pub.pem", "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n");

            // When
            var error = Assert.Throws<UsageException>(() => new DataTracker(temp.Path).Track("signing-key.pem"));
            var result = new DataTracker(temp.Path).Track("signing-key.pub.pem");

            // Then
            Assert.That(error.Message, Is.EqualTo("'signing-key.pem' is a private key: keys must not be copied into .dvc/cache, " +
                "which dvc push uploads; track a data file or folder, e.g. --path=data."));
            Assert.That(result.Changed, Is.True);
        }

        [Test]
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void Should_Refuse_A_Symbolic_Link_That_Loops_Or_Leads_Nowhere()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("data/credit.csv", "id\n1\n");
            File.CreateSymbolicLink(temp["data/loop"], "loop");
            File.CreateSymbolicLink(temp["gone.csv"], "nowhere.csv");
            try
            {
                // When
                var inFolder = Assert.Throws<UsageException>(() => new DataTracker(temp.Path).Track("data"));
                var itself = Assert.Throws<UsageException>(() => new DataTracker(temp.Path).Track("data/loop"));
                var dangling = Assert.Throws<UsageException>(() => new DataTracker(temp.Path).Track("gone.csv"));

                // Then
                Assert.That(inFolder.Message, Is.EqualTo("'data/loop' is a symbolic link that cannot be followed " +
                    "(it loops, or its target does not exist); remove or fix it and track again."));
                Assert.That(itself.Message, Is.EqualTo(inFolder.Message));
                Assert.That(dangling.Message, Is.EqualTo("'gone.csv' is a symbolic link that cannot be followed " +
                    "(it loops, or its target does not exist); remove or fix it and track again."));
                Assert.That(temp[".dvc"], Does.Not.Exist);
            }
            finally
            {
                File.Delete(temp["data/loop"]);
                File.Delete(temp["gone.csv"]);
            }
        }

        [Test]
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void Should_Refuse_A_Folder_Link_Back_Into_The_Tracked_Folder()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("data/sub/credit.csv", "id\n1\n");
            Directory.CreateSymbolicLink(temp["data/sub/up"], "..");
            try
            {
                // When
                var error = Assert.Throws<UsageException>(() => new DataTracker(temp.Path).Track("data"));

                // Then
                Assert.That(error.Message, Is.EqualTo("'data/sub/up' is a symbolic link back to 'data', which holds it (a loop); remove it and track again."));
                Assert.That(temp[".dvc"], Does.Not.Exist);
            }
            finally
            {
                Directory.Delete(temp["data/sub/up"]);
            }
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
