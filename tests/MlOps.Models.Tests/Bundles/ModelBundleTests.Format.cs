using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MlOps.Testing;

namespace MlOps.Models.Tests.Bundles;

/// <summary>The entries' exact text: the format other tools (and people) read.</summary>
public sealed partial class ModelBundleTests
{
    public sealed class Format
    {
        [Test]
        public void Should_Write_The_Schema_As_Snake_Case_Json_Without_Derived_Properties()
        {
            // Given
            using var temp = new TempDirectory();

            // When
            var path = SampleBundle.WriteTo(temp.Path);

            // Then
            Assert.That(Text(path, "schema.json"), Is.EqualTo("""
                {
                  "columns": [
                    {
                      "name": "id",
                      "kind": "id"
                    },
                    {
                      "name": "income",
                      "kind": "numeric"
                    },
                    {
                      "name": "purpose",
                      "kind": "categorical"
                    },
                    {
                      "name": "default",
                      "kind": "boolean"
                    }
                  ],
                  "label": "default",
                  "positive": "yes"
                }

                """));
        }

        [Test]
        public void Should_Write_Metrics_Sorted_By_Name_And_Provenance_In_Snake_Case()
        {
            // Given
            using var temp = new TempDirectory();

            // When
            var path = SampleBundle.WriteTo(temp.Path);

            // Then
            Assert.Multiple(() =>
            {
                Assert.That(Text(path, "metrics.json"), Is.EqualTo("{\n  \"auc\": 0.875,\n  \"log_loss\": 0.41\n}\n"));
                Assert.That(Text(path, "provenance.json"), Is.EqualTo("""
                    {
                      "model_name": "credit-scoring",
                      "model_version": "3",
                      "run_id": "7f3a",
                      "data_md5": "3f1c0a4b2e8d9f7a6b5c4d3e2f1a0b9c.dir",
                      "git_commit": "5c93d6f",
                      "created": "2025-03-14T15:09:26+00:00",
                      "trainer": "LightGbm"
                    }

                    """));
            });
        }

        [Test]
        public void Should_List_Every_Other_Entry_In_The_Manifest_By_Name_With_Size_And_Sha256()
        {
            // Given
            using var temp = new TempDirectory();

            // When
            var path = SampleBundle.WriteTo(temp.Path);

            // Then
            var entries = JsonNode.Parse(Text(path, "manifest.json"))!["entries"]!.AsArray();
            var expected = new[] { "metrics.json", "model.zip", "provenance.json", "schema.json" }
                .Select(name => (name, (long)SampleBundle.Entry(path, name).Length, Sha256(SampleBundle.Entry(path, name))));
            Assert.Multiple(() =>
            {
                Assert.That(Text(path, "manifest.json"), Does.StartWith("{\n  \"format_version\": 1,\n  \"entries\": [\n    {\n      \"name\": \"metrics.json\",\n"));
                Assert.That(entries.Select(e => ((string)e!["name"]!, (long)e["size"]!, (string)e["sha256"]!)), Is.EqualTo(expected));
            });
        }

        [Test]
        public void Should_Sign_The_Exact_Bytes_Of_The_Manifest_With_A_Der_Ecdsa_P256_Signature()
        {
            // Given
            using var temp = new TempDirectory();

            // When
            var path = SampleBundle.WriteTo(temp.Path);

            // Then
            var signature = JsonNode.Parse(Text(path, "signature.json"))!;
            using var verifier = ECDsa.Create();
            verifier.ImportFromPem(TestKeys.APublic);
            var valid = verifier.VerifyData(
                SampleBundle.Entry(path, "manifest.json"),
                Convert.FromBase64String((string)signature["signature"]!),
                HashAlgorithmName.SHA256,
                DSASignatureFormat.Rfc3279DerSequence);
            Assert.Multiple(() =>
            {
                Assert.That((string?)signature["algorithm"], Is.EqualTo("ECDSA-P256-SHA256"));
                Assert.That((string?)signature["key_id"], Is.EqualTo(TestKeys.AId));
                Assert.That(valid, Is.True);
            });
        }

        private static string Text(string path, string entry) => Encoding.UTF8.GetString(SampleBundle.Entry(path, entry));

        private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
