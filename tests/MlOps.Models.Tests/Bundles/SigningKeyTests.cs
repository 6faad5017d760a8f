using System.Security.Cryptography;
using MlOps.Models.Bundles;

namespace MlOps.Models.Tests.Bundles;

public sealed class SigningKeyTests
{
    private const string Expected = "expected a P-256 EC private key in PEM (\"PRIVATE KEY\" or \"EC PRIVATE KEY\")";

    private static string FromPemFails(string pem) =>
        Assert.Throws<InvalidKeyException>(() => SigningKey.FromPem(pem).Dispose())!.Message;

    public sealed class FromPem
    {
        [TestCase(TestKeys.A)]
        [TestCase(TestKeys.ASec1)]
        public void Should_Read_Pkcs8_And_Sec1_Keys_With_The_Key_Id_OpenSsl_Computes(string pem)
        {
            // Given the test case's PEM text
            // When
            using var key = SigningKey.FromPem(pem);

            // Then
            Assert.Multiple(() =>
            {
                Assert.That(key.KeyId, Is.EqualTo(TestKeys.AId));
                Assert.That(key.ExportPublicPem(), Is.EqualTo(TestKeys.APublic + "\n"));
            });
        }

        [Test]
        public void Should_Read_Back_A_Generated_Key_From_Its_Private_Pem()
        {
            // Given
            using var generated = SigningKey.Generate();

            // When
            using var read = SigningKey.FromPem(generated.ExportPrivatePem());

            // Then
            Assert.Multiple(() =>
            {
                Assert.That(generated.ExportPrivatePem(), Does.StartWith("-----BEGIN PRIVATE KEY-----\n").And.EndWith("-----END PRIVATE KEY-----\n"));
                Assert.That(read.KeyId, Is.EqualTo(generated.KeyId));
                Assert.That(read.ExportPrivatePem(), Is.EqualTo(generated.ExportPrivatePem()));
            });
        }

        [Test]
        public void Should_Generate_A_Different_Key_Each_Time()
        {
            // Given
            using var one = SigningKey.Generate();

            // When
            using var two = SigningKey.Generate();

            // Then
            Assert.That(two.KeyId, Is.Not.EqualTo(one.KeyId));
        }

        [Test]
        public void Should_Refuse_A_Public_Key()
        {
            // Given
            const string pem = TestKeys.APublic;

            // When
            var message = FromPemFails(pem);

            // Then
            Assert.That(message, Is.EqualTo($"found a public key; {Expected}: bundles are signed with the private key"));
        }

        [Test]
        public void Should_Refuse_An_Rsa_Key_In_Either_Format()
        {
            // Given
            using var rsa = RSA.Create(1024);

            // When
            var pkcs8 = FromPemFails(rsa.ExportPkcs8PrivateKeyPem());
            var pkcs1 = FromPemFails(rsa.ExportRSAPrivateKeyPem());

            // Then
            Assert.Multiple(() =>
            {
                Assert.That(pkcs8, Is.EqualTo($"found an RSA key; {Expected}"));
                Assert.That(pkcs1, Is.EqualTo($"found an RSA key; {Expected}"));
            });
        }

        [Test]
        public void Should_Refuse_A_Key_On_Another_Curve()
        {
            // Given
            using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

            // When
            var pkcs8 = FromPemFails(p384.ExportPkcs8PrivateKeyPem());
            var sec1 = FromPemFails(p384.ExportECPrivateKeyPem());

            // Then
            Assert.Multiple(() =>
            {
                Assert.That(pkcs8, Is.EqualTo($"found an EC key on curve P-384; {Expected}"));
                Assert.That(sec1, Is.EqualTo($"found an EC key on curve P-384; {Expected}"));
            });
        }

        [Test]
        public void Should_Refuse_An_Encrypted_Key_And_Say_How_To_Decrypt_It()
        {
            // Given
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var encrypted = key.ExportEncryptedPkcs8PrivateKeyPem("secret", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000));

            // When
            var message = FromPemFails(encrypted);

            // Then
            Assert.That(message, Is.EqualTo($"found an encrypted private key; {Expected}, unencrypted (openssl pkcs8 -topk8 -nocrypt -in <file>)"));
        }

        [TestCase("", "the text is empty")]
        [TestCase(" \n", "the text is empty")]
        [TestCase("MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg", "no PEM block found")]
        [TestCase("-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----\n", "the PEM text is malformed (check its BEGIN and END lines and its base64)")]
        [TestCase("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "the \"PRIVATE KEY\" block does not hold a valid key (ASN1 corrupted data.)")]
        [TestCase("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "found a PEM \"CERTIFICATE\" block")]
        public void Should_Say_What_It_Found_Instead_Of_A_Key(string pem, string found)
        {
            // Given the test case's PEM text
            // When
            var message = FromPemFails(pem);

            // Then
            Assert.That(message, Is.EqualTo($"{found}; {Expected}"));
        }

        [Test]
        public void Should_Refuse_Two_Keys_In_One_Text()
        {
            // Given
            var pem = TestKeys.A + "\n" + TestKeys.BPublic;

            // When
            var message = FromPemFails(pem);

            // Then
            Assert.That(message, Is.EqualTo($"found 2 PEM blocks (PRIVATE KEY, PUBLIC KEY); {Expected}, and only that"));
        }
    }
}
