using System.Runtime.Versioning;
using MlOps.Tasks.Signing;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Signing;

public sealed partial class SigningKeysTests
{
    private const string Expected = "expected a P-256 EC private key in PEM (\"PRIVATE KEY\" or \"EC PRIVATE KEY\")";

    private static ResolvedSigningKey Resolve(string store, string? key = null, string? keyFile = null) =>
        SigningKeys.Resolve(store, name => name switch
        {
            "MLOPS_SIGNING_KEY" => key,
            "MLOPS_SIGNING_KEY_FILE" => keyFile,
            _ => null,
        });

    public sealed class DevelopmentKey
    {
        [Test]
        public void Should_Generate_A_Development_Key_On_First_Use_And_Warn_About_It()
        {
            // Given
            using var temp = new TempDirectory();
            var store = temp[".mlops"];

            // When
            using var resolved = Resolve(store);

            // Then
            var file = temp[".mlops/keys/signing-key.pem"];
            Assert.Multiple(() =>
            {
                Assert.That(resolved.Source, Is.EqualTo(SigningKeySource.DevelopmentKey));
                Assert.That(resolved.Generated, Is.True);
                Assert.That(resolved.Location, Is.EqualTo(file));
                Assert.That(resolved.Warning, Is.EqualTo(
                    $"Generated a development signing key at {file} — do not use it for production; set MLOPS_SIGNING_KEY_FILE"));
                Assert.That(File.ReadAllText(temp[".mlops/keys/signing-key.pub.pem"]), Is.EqualTo(resolved.Key.ExportPublicPem()));
                Assert.That(Directory.GetFiles(temp[".mlops/keys"]).Select(Path.GetFileName), Is.EquivalentTo(new[] { "signing-key.pem", "signing-key.pub.pem" }));
            });
        }

        [Test]
        public void Should_Sign_With_The_Same_Development_Key_On_Later_Builds()
        {
            // Given
            using var temp = new TempDirectory();
            using var first = Resolve(temp.Path);

            // When
            using var second = Resolve(temp.Path);

            // Then
            Assert.Multiple(() =>
            {
                Assert.That(second.Key.KeyId, Is.EqualTo(first.Key.KeyId));
                Assert.That(second.Generated, Is.False);
                Assert.That(second.Warning, Is.EqualTo(
                    $"Signing with the development key at {temp["keys/signing-key.pem"]} — do not use it for production; set MLOPS_SIGNING_KEY_FILE"));
            });
        }

        [Test]
        public void Should_Give_Builds_That_Start_Together_The_Same_Development_Key()
        {
            // Given
            using var temp = new TempDirectory();
            var ids = new string[4];

            // When
            Parallel.For(0, ids.Length, i =>
            {
                using var resolved = Resolve(temp.Path);
                ids[i] = resolved.Key.KeyId;
            });

            // Then
            Assert.That(ids.Distinct(), Has.Exactly(1).Items);
        }

        [Test]
        [Platform(Exclude = "Win", Reason = "Windows has no Unix file modes")]
        [UnsupportedOSPlatform("windows")]
        public void Should_Make_The_Private_Key_Readable_By_Its_Owner_Only()
        {
            // Given
            using var temp = new TempDirectory();

            // When
            using var resolved = Resolve(temp.Path);

            // Then
            Assert.Multiple(() =>
            {
                Assert.That(File.GetUnixFileMode(temp["keys/signing-key.pem"]), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
                Assert.That(File.GetUnixFileMode(temp["keys"]), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            });
        }

        [Test]
        public void Should_Write_The_Public_Key_Again_When_It_Is_Missing_Or_Stale()
        {
            // Given
            using var temp = new TempDirectory();
            using (Resolve(temp.Path))
            {
            }

            File.Delete(temp["keys/signing-key.pub.pem"]);

            // When
            using var resolved = Resolve(temp.Path);

            // Then
            Assert.That(File.ReadAllText(temp["keys/signing-key.pub.pem"]), Is.EqualTo(resolved.Key.ExportPublicPem()));
        }

        [Test]
        public void Should_Name_A_Damaged_Development_Key_And_Say_How_To_Replace_It()
        {
            // Given
            using var temp = new TempDirectory();
            var file = temp.Write("keys/signing-key.pem", "");

            // When
            var error = Assert.Throws<UsageException>(() => Resolve(temp.Path).Dispose())!;

            // Then
            Assert.That(error.Message, Is.EqualTo($"{file}: the text is empty; {Expected}; delete it to generate a new development key."));
        }
    }
}
