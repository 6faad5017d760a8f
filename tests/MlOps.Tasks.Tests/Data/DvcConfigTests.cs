using MlOps.Tasks.Data;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Data;

public sealed class DvcConfigTests
{
    public class Remotes
    {
        [Test]
        public void Should_Read_The_Default_Remote_And_Each_Remote_As_Dvc_Writes_Them()
        {
            // Given
            var files = (".dvc/config", DvcVectors.RemotesConfig);

            // When
            var config = DvcConfig.Parse(files);

            // Then
            Assert.That(config.DefaultRemote?.Text, Is.EqualTo("storage"));
            Assert.That(config.DefaultRemote?.Location, Is.EqualTo(new SourceLocation(".dvc/config", 2, 1)));
            Assert.That(config.RemoteNames, Is.EqualTo(new[] { "storage", "backup" }));
            Assert.That(config.Remote("storage")?["url"]?.Text, Is.EqualTo("s3://bucket/data"));
            Assert.That(config.Remote("storage")?["endpointurl"]?.Text, Is.EqualTo("http://127.0.0.1:9000"));
            Assert.That(config.Remote("backup")?["url"]?.Text, Is.EqualTo("../../backup"));
            Assert.That(config.Remote("nowhere"), Is.Null);
        }

        [Test]
        public void Should_Let_Config_Local_Override_Key_By_Key()
        {
            // Given: credentials and another endpoint kept out of git, as `dvc remote modify --local` writes them.
            const string local = """
                ['remote "storage"']
                    endpointurl = http://127.0.0.1:9001
                    access_key_id = key
                    secret_access_key = "a secret # with a hash"
                """;

            // When
            var storage = DvcConfig.Parse((".dvc/config", DvcVectors.RemotesConfig), (".dvc/config.local", local)).Remote("storage")!;

            // Then
            Assert.That(storage["url"]?.Text, Is.EqualTo("s3://bucket/data"));
            Assert.That(storage["endpointurl"]?.Text, Is.EqualTo("http://127.0.0.1:9001"));
            Assert.That(storage["endpointurl"]?.Location, Is.EqualTo(new SourceLocation(".dvc/config.local", 2, 1)));
            Assert.That(storage["access_key_id"]?.Text, Is.EqualTo("key"));
            Assert.That(storage["secret_access_key"]?.Text, Is.EqualTo("a secret # with a hash"));
        }

        [Test]
        public void Should_Accept_Unquoted_Headers_Comments_And_Crlf()
        {
            // Given
            const string text = "# team remote\r\n[core]\r\nremote = shared ; the default\r\n[remote \"shared\"]\r\nurl = /mnt/dvc\r\n";

            // When
            var config = DvcConfig.Parse((".dvc/config", text));

            // Then
            Assert.That(config.DefaultRemote?.Text, Is.EqualTo("shared"));
            Assert.That(config.Remote("shared")?["url"]?.Text, Is.EqualTo("/mnt/dvc"));
        }

        [Test]
        public void Should_Read_Nothing_When_The_Repository_Has_No_Config()
        {
            // Given
            using var temp = new TempDirectory();

            // When
            var config = DvcConfig.Read(temp.Path);

            // Then
            Assert.That(config.DefaultRemote, Is.Null);
            Assert.That(config.RemoteNames, Is.Empty);
        }
    }

    public class Malformed
    {
        [Test]
        public void Should_Name_The_File_And_Line_Of_A_Line_That_Is_Not_Ini()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write(".dvc/config", DvcVectors.RemotesConfig);
            temp.Write(".dvc/config.local", "['remote \"storage\"']\n    access_key_id key\n");

            // When
            var error = Assert.Throws<InvalidFileException>(() => DvcConfig.Read(temp.Path));

            // Then
            Assert.That(error.Message, Is.EqualTo(
                ".dvc/config.local:2:1: expected 'key = value', a section such as [core] or ['remote \"name\"'], or a comment " +
                "(the line is not shown: it may hold a secret)."));
        }

        [Test]
        public void Should_Refuse_A_Header_That_Is_Not_Closed()
        {
            // Given
            const string text = "[core\nremote = storage\n";

            // When
            var error = Assert.Throws<InvalidFileException>(() => DvcConfig.Parse((".dvc/config", text)));

            // Then
            Assert.That(error.Message, Is.EqualTo(".dvc/config:1:1: '[core' is not a section header; expected [core] or ['remote \"name\"']."));
        }

        [Test]
        public void Should_Refuse_A_Key_Outside_Any_Section()
        {
            // Given
            const string text = "remote = storage\n";

            // When
            var error = Assert.Throws<InvalidFileException>(() => DvcConfig.Parse((".dvc/config", text)));

            // Then
            Assert.That(error.Message, Is.EqualTo(
                ".dvc/config:1:1: this line is outside any section; expected a section header such as [core] or ['remote \"name\"'] first " +
                "(the line is not shown: it may hold a secret)."));
        }
    }
}
