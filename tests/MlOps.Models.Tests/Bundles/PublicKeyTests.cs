using System.Security.Cryptography;
using MlOps.Models.Bundles;

namespace MlOps.Models.Tests.Bundles;

public sealed class PublicKeyTests
{
    private const string Expected = "expected a P-256 EC public key in PEM (\"PUBLIC KEY\")";

    private static string FromPemFails(string pem) =>
        Assert.Throws<InvalidKeyException>(() => PublicKey.FromPem(pem))!.Message;

    public sealed class FromPem
    {
        [Test]
        public void Should_Read_A_Public_Key_With_The_Key_Id_OpenSsl_Computes()
        {
            // Given
            const string pem = TestKeys.BPublic;

            // When
            var key = PublicKey.FromPem(pem);

            // Then
            Assert.Multiple(() =>
            {
                Assert.That(key.KeyId, Is.EqualTo(TestKeys.BId));
                Assert.That(key.ToString(), Is.EqualTo(TestKeys.BId));
            });
        }

        [Test]
        public void Should_Read_Back_The_Pem_Of_A_Signing_Keys_Public_Half()
        {
            // Given
            using var signing = SigningKey.Generate();

            // When
            var key = PublicKey.FromPem(signing.ExportPublicPem());

            // Then
            Assert.Multiple(() =>
            {
                Assert.That(key.KeyId, Is.EqualTo(signing.KeyId));
                Assert.That(key.ExportPem(), Is.EqualTo(signing.ExportPublicPem()));
            });
        }

        [TestCase(TestKeys.A)]
        [TestCase(TestKeys.ASec1)]
        public void Should_Refuse_A_Private_Key_And_Name_The_Public_One(string pem)
        {
            // Given the test case's PEM text
            // When
            var message = FromPemFails(pem);

            // Then
            Assert.That(message, Is.EqualTo($"found a private key; {Expected}: bundles are verified with the public key alone (signing-key.pub.pem)"));
        }

        [Test]
        public void Should_Refuse_Rsa_And_Ed25519_Keys()
        {
            // Given
            using var rsa = RSA.Create(1024);

            // When
            var rsaMessage = FromPemFails(rsa.ExportSubjectPublicKeyInfoPem());
            var edMessage = FromPemFails(TestKeys.Ed25519Public);

            // Then
            Assert.Multiple(() =>
            {
                Assert.That(rsaMessage, Is.EqualTo($"found an RSA key; {Expected}"));
                Assert.That(edMessage, Is.EqualTo($"found an Ed25519 key; {Expected}"));
            });
        }

        [Test]
        public void Should_Refuse_A_Key_On_Another_Curve()
        {
            // Given
            using var p521 = ECDsa.Create(ECCurve.NamedCurves.nistP521);

            // When
            var message = FromPemFails(p521.ExportSubjectPublicKeyInfoPem());

            // Then
            Assert.That(message, Is.EqualTo($"found an EC key on curve P-521; {Expected}"));
        }

        [TestCase("", "the text is empty")]
        [TestCase("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHIbNY66ShCgPsWQSZKJ4PtvvAEG0mhasMIQV429UtJL", "no PEM block found")]
        [TestCase("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "the \"PUBLIC KEY\" block does not hold a valid key (ASN1 corrupted data.)")]
        public void Should_Say_What_It_Found_Instead_Of_A_Key(string pem, string found)
        {
            // Given the test case's PEM text
            // When
            var message = FromPemFails(pem);

            // Then
            Assert.That(message, Is.EqualTo($"{found}; {Expected}"));
        }
    }
}
