using System.Text;
using System.Text.Json.Nodes;
using MlOps.Models.Bundles;
using MlOps.Testing;

namespace MlOps.Models.Tests.Bundles;

/// <summary>Signed bundles this version cannot read, and signatures that are not signatures.</summary>
public sealed partial class ModelBundleTests
{
    public sealed class Signature
    {
        [Test]
        public void Should_Name_Both_Keys_When_Another_Key_Signed_The_Bundle()
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path, TestKeys.B);

            // When
            var error = OpenFails(path, trustedPem: TestKeys.APublic);

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"{path}: signed by key 045d…f435, but the trusted key is 8cd9…99a6; pass the public key that signed it, or sign the bundle with the trusted key"));
        }

        [Test]
        public void Should_Refuse_A_Signature_Replaced_By_Another_Keys_Under_The_Trusted_Key_Id()
        {
            // Given
            using var temp = new TempDirectory();
            using var other = SigningKey.FromPem(TestKeys.B);
            var path = SampleBundle.WriteTo(temp.Path);
            SampleBundle.Edit(path, entries => entries.Replace("signature.json", json =>
            {
                var signature = JsonNode.Parse(json)!;
                signature["signature"] = Convert.ToBase64String(other.Sign(SampleBundle.Entry(path, "manifest.json")));
                return Encoding.UTF8.GetBytes(signature.ToJsonString());
            }));

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"{path}: the signature does not match manifest.json for key 8cd9…99a6; the manifest or the signature was changed after signing: {Restore}"));
        }

        [Test]
        public void Should_Refuse_A_Format_Version_It_Does_Not_Know_Even_When_Signed_By_The_Trusted_Key()
        {
            // Given
            using var temp = new TempDirectory();
            using var key = SigningKey.FromPem(TestKeys.A);
            var path = SampleBundle.WriteTo(temp.Path);
            SampleBundle.Edit(path, entries =>
            {
                var manifest = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SampleBundle.Entry(path, "manifest.json"))
                    .Replace("\"format_version\": 1", "\"format_version\": 2", StringComparison.Ordinal));
                entries.Replace("manifest.json", _ => manifest);
                entries.Replace("signature.json", json => Resigned(json, "signature", Convert.ToBase64String(key.Sign(manifest))));
            });

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo($"{path}: bundle format 2 is not supported (this version reads format 1); use an MlOps version that reads it"));
        }

        [Test]
        public void Should_Refuse_An_Algorithm_It_Does_Not_Know()
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path);
            SampleBundle.Edit(path, entries => entries.Replace("signature.json", json => Resigned(json, "algorithm", "ES384")));

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"{path}: signed with ES384, which this version cannot verify (it verifies ECDSA-P256-SHA256); use the MlOps version that wrote it"));
        }

        [TestCase("not base64!")]
        [TestCase("")]
        [TestCase("AAAA")]
        public void Should_Refuse_A_Signature_That_Is_Not_One(string signature)
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path);
            SampleBundle.Edit(path, entries => entries.Replace("signature.json", json => Resigned(json, "signature", signature)));

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"{path}: the signature does not match manifest.json for key 8cd9…99a6; the manifest or the signature was changed after signing: {Restore}"));
        }

        [Test]
        public void Should_Refuse_A_Signature_File_That_Is_Not_Json()
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path);
            SampleBundle.Edit(path, entries => entries.Replace("signature.json", _ => "hello"u8.ToArray()));

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"{path}: signature.json is not valid ('h' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 0.); {Restore}"));
        }

        [Test]
        public void Should_Refuse_A_Signature_File_Without_A_Key_Id()
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path);
            SampleBundle.Edit(path, entries => entries.Replace("signature.json", _ => "{\"algorithm\": \"ECDSA-P256-SHA256\", \"signature\": \"AAAA\"}"u8.ToArray()));

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"{path}: signature.json is not valid (JSON deserialization for type 'MlOps.Models.Bundles.BundleSignature' was missing required properties "
                + $"including: 'key_id'.); {Restore}"));
        }

        private static byte[] Resigned(byte[] json, string property, string value)
        {
            var signature = JsonNode.Parse(json)!;
            signature[property] = value;
            return Encoding.UTF8.GetBytes(signature.ToJsonString());
        }
    }
}
