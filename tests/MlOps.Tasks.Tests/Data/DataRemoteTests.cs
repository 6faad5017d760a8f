using MlOps.Tasks.Data;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Data;

public sealed class DataRemoteTests
{
    public class Resolve
    {
        [Test]
        public void Should_Use_The_Default_Remote_With_Its_Endpoint_And_Local_Credentials()
        {
            // Given
            using var repo = new TempDirectory();
            repo.Write(".dvc/config", DvcVectors.RemotesConfig);
            repo.Write(".dvc/config.local", "['remote \"storage\"']\n    region = eu-west-1\n    access_key_id = key\n    secret_access_key = secret\n");

            // When
            var remote = DataRemote.Resolve(repo.Path, pipelineRemote: null)!;

            // Then
            Assert.That(remote.Display, Is.EqualTo("remote 'storage' (s3://bucket/data)"));
            Assert.That(remote.Url, Is.EqualTo("s3://bucket/data"));
            Assert.That(remote.S3?.Endpoint, Is.EqualTo("http://127.0.0.1:9000"));
            Assert.That(remote.S3?.Region, Is.EqualTo("eu-west-1"));
            var credentials = remote.S3?.Credentials?.GetCredentials();
            Assert.That((credentials?.AccessKey, credentials?.SecretKey), Is.EqualTo(("key", "secret")));
        }

        [Test]
        public void Should_Resolve_A_Relative_Folder_Url_Against_The_Dvc_Folder()
        {
            // Given: `dvc remote add backup ../backup` run at the repository root writes the path relative to .dvc/.
            using var repo = new TempDirectory();
            repo.Write(".dvc/config", DvcVectors.RemotesConfig);

            // When
            var remote = DataRemote.Resolve(repo.Path, pipelineRemote: null, requested: "backup")!;

            // Then
            Assert.That(remote.Url, Is.EqualTo(Path.GetFullPath(Path.Combine(repo.Path, "..", "backup"))));
            Assert.That(remote.S3, Is.Null);
        }

        [Test]
        public void Should_Take_The_Pipeline_Remote_As_A_Name_Else_As_A_Folder_Of_The_Repository()
        {
            // Given
            using var repo = new TempDirectory();
            repo.Write(".dvc/config", DvcVectors.RemotesConfig);

            // When
            var named = DataRemote.Resolve(repo.Path, pipelineRemote: "backup")!;
            var folder = DataRemote.Resolve(repo.Path, pipelineRemote: "remotes/shared")!;

            // Then
            Assert.That(named.Display, Does.StartWith("remote 'backup' ("));
            Assert.That(folder.Display, Is.EqualTo("remotes/shared"));
            Assert.That(folder.Url, Is.EqualTo(repo["remotes/shared"]));
        }

        [Test]
        public void Should_Prefer_The_Remote_The_Pointer_Names_To_The_Default()
        {
            // Given: data.dvc says `remote: backup`, as DVC lets an output name its own remote.
            using var repo = new TempDirectory();
            repo.Write(".dvc/config", DvcVectors.RemotesConfig);
            var pointer = new DataPointer { Md5 = DvcVectors.VectorAMd5, Size = 32, Path = "data", Extras = [KeyValuePair.Create("remote", "backup")] };

            // When
            var remote = DataRemote.Resolve(repo.Path, pipelineRemote: null, pointer: pointer)!;

            // Then
            Assert.That(remote.Display, Does.StartWith("remote 'backup' ("));
        }

        [Test]
        public void Should_Be_Null_When_No_Remote_Is_Named_Anywhere()
        {
            // Given
            using var repo = new TempDirectory();
            repo.Write(".dvc/config", "[core]\n    autostage = true\n");

            // When
            var remote = DataRemote.Resolve(repo.Path, pipelineRemote: null);

            // Then
            Assert.That(remote, Is.Null);
        }

        [Test]
        public void Should_Keep_The_Object_Layout_Of_Dvc_3()
        {
            // Given
            const string md5 = DvcVectors.VectorAMd5;

            // When
            var key = DataRemote.KeyOf(md5);

            // Then
            Assert.That(key, Is.EqualTo("files/md5/f3/5192d9e982b0e9a9316b7f20253770.dir"));
        }
    }

    public class Refused
    {
        [TestCase("[core]\n    remote = storge\n['remote \"storage\"']\n    url = /mnt/dvc\n", "",
            ".dvc/config:2:1: core.remote is 'storge', but the remotes of .dvc/config and .dvc/config.local are 'storage'; add it with `dvc remote add`.",
            TestName = "Should_Name_The_Line_Of_A_Default_Remote_That_Is_Not_Defined")]
        [TestCase("[core]\n    remote = gcs\n['remote \"gcs\"']\n    url = gs://bucket/data\n", "",
            ".dvc/config:4:1: remote 'gcs' is at gs://bucket/data, which this build cannot reach (gs:// is not supported); use a folder or an s3:// remote.",
            TestName = "Should_Refuse_A_Remote_Of_A_Kind_This_Build_Cannot_Reach")]
        [TestCase(DvcVectors.RemotesConfig, "['remote \"storage\"']\n    access_key_id = key\n",
            ".dvc/config.local:2:1: remote 'storage' has access_key_id but no secret_access_key; set both (in .dvc/config.local) or neither.",
            TestName = "Should_Refuse_A_Key_Id_Without_Its_Secret")]
        [TestCase("[core]\n    remote = storage\n['remote \"storage\"']\n    region = eu-west-1\n", "",
            ".dvc/config:3:1: remote 'storage' has no url; set one with `dvc remote modify storage url <url>`.",
            TestName = "Should_Refuse_A_Remote_Without_A_Url")]
        public void Should_Name_The_Line_To_Change_When_The_Default_Remote_Is_Unusable(string config, string local, string expected)
        {
            // Given
            using var repo = new TempDirectory();
            repo.Write(".dvc/config", config);
            repo.Write(".dvc/config.local", local);

            // When
            var error = Assert.Throws<InvalidFileException>(() => DataRemote.Resolve(repo.Path, pipelineRemote: null));

            // Then
            Assert.That(error.Message, Is.EqualTo(expected));
        }

        [Test]
        public void Should_List_The_Remotes_When_The_Requested_One_Does_Not_Exist()
        {
            // Given
            using var repo = new TempDirectory();
            repo.Write(".dvc/config", DvcVectors.RemotesConfig);

            // When
            var error = Assert.Throws<UsageException>(() => DataRemote.Resolve(repo.Path, pipelineRemote: null, requested: "s3"));

            // Then
            Assert.That(error.Message, Is.EqualTo(
                "--remote=s3: the remotes of .dvc/config and .dvc/config.local are 'storage', 'backup'; add it with `dvc remote add s3 <url>`."));
        }
    }
}
