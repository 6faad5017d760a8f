using System.Security.Cryptography;
using MlOps.Models.Bundles;
using MlOps.Tasks.Signing;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Signing;

/// <summary>Keys given through MLOPS_SIGNING_KEY and MLOPS_SIGNING_KEY_FILE.</summary>
public sealed partial class SigningKeysTests
{
    public sealed class Variables
    {
        [Test]
        public void Should_Sign_With_The_Key_In_MLOPS_SIGNING_KEY_And_Write_Nothing()
        {
            // Given
            using var temp = new TempDirectory();
            using var key = SigningKey.Generate();

            // When
            using var resolved = Resolve(temp.Path, key: key.ExportPrivatePem());

            // Then
            Assert.Multiple(() =>
            {
                Assert.That(resolved.Key.KeyId, Is.EqualTo(key.KeyId));
                Assert.That(resolved.Source, Is.EqualTo(SigningKeySource.Variable));
                Assert.That(resolved.Location, Is.EqualTo("MLOPS_SIGNING_KEY"));
                Assert.That(resolved.Warning, Is.Null);
                Assert.That(Directory.EnumerateFileSystemEntries(temp.Path), Is.Empty);
            });
        }

        [Test]
        public void Should_Accept_A_Key_Whose_Line_Breaks_Were_Kept_As_Backslash_N()
        {
            // Given
            using var temp = new TempDirectory();
            using var key = SigningKey.Generate();

            // When
            using var resolved = Resolve(temp.Path, key: key.ExportPrivatePem().Replace("\n", "\\n", StringComparison.Ordinal));

            // Then
            Assert.That(resolved.Key.KeyId, Is.EqualTo(key.KeyId));
        }

        [Test]
        public void Should_Sign_With_The_Key_File_In_MLOPS_SIGNING_KEY_FILE()
        {
            // Given
            using var temp = new TempDirectory();
            using var key = SigningKey.Generate();
            var file = temp.Write("secrets/signing.pem", key.ExportPrivatePem());

            // When
            using var resolved = Resolve(temp[".mlops"], key: "", keyFile: file);

            // Then
            Assert.Multiple(() =>
            {
                Assert.That(resolved.Key.KeyId, Is.EqualTo(key.KeyId));
                Assert.That(resolved.Source, Is.EqualTo(SigningKeySource.File));
                Assert.That(resolved.Location, Is.EqualTo(file));
                Assert.That(resolved.Generated, Is.False);
                Assert.That(Directory.Exists(temp[".mlops"]), Is.False);
            });
        }

        [Test]
        public void Should_Refuse_Both_Variables_At_Once()
        {
            // Given
            using var temp = new TempDirectory();

            // When
            var error = Assert.Throws<UsageException>(() => Resolve(temp.Path, key: "pem", keyFile: "key.pem").Dispose())!;

            // Then
            Assert.That(error.Message, Is.EqualTo("Both MLOPS_SIGNING_KEY and MLOPS_SIGNING_KEY_FILE are set; set only one of them."));
        }

        [Test]
        public void Should_Name_A_Missing_Key_File()
        {
            // Given
            using var temp = new TempDirectory();

            // When
            var error = Assert.Throws<UsageException>(() => Resolve(temp.Path, keyFile: temp["nope.pem"]).Dispose())!;

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"{temp["nope.pem"]} (MLOPS_SIGNING_KEY_FILE): no such file; point MLOPS_SIGNING_KEY_FILE at the signing key's PEM file."));
        }

        [Test]
        public void Should_Name_The_Key_File_That_Holds_An_Rsa_Key()
        {
            // Given
            using var temp = new TempDirectory();
            using var rsa = RSA.Create(1024);
            var file = temp.Write("rsa.pem", rsa.ExportPkcs8PrivateKeyPem());

            // When
            var error = Assert.Throws<UsageException>(() => Resolve(temp.Path, keyFile: file).Dispose())!;

            // Then
            Assert.That(error.Message, Is.EqualTo($"{file} (MLOPS_SIGNING_KEY_FILE): found an RSA key; {Expected}."));
        }

        [Test]
        public void Should_Name_The_Variable_But_Never_Show_Its_Text()
        {
            // Given
            using var temp = new TempDirectory();
            using var key = SigningKey.Generate();

            // When
            var error = Assert.Throws<UsageException>(() => Resolve(temp.Path, key: key.ExportPublicPem()).Dispose())!;

            // Then
            Assert.That(error.Message, Is.EqualTo($"MLOPS_SIGNING_KEY: found a public key; {Expected}: bundles are signed with the private key."));
        }
    }
}
