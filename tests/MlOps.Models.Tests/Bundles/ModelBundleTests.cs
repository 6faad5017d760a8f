using System.Security.Cryptography;
using Microsoft.ML;
using MlOps.Models.Bundles;
using MlOps.Testing;

namespace MlOps.Models.Tests.Bundles;

public sealed partial class ModelBundleTests
{
    private const string Restore = "rebuild it or restore an intact copy";

    private static BundleVerificationException OpenFails(string path, string trustedPem = TestKeys.APublic) =>
        Assert.Throws<BundleVerificationException>(() => ModelBundle.Open(path, PublicKey.FromPem(trustedPem)))!;

    private static string Short(string digest) => $"{digest[..4]}…{digest[^4..]}";

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public sealed class Open
    {
        [Test]
        public void Should_Read_Back_Every_Part_That_Was_Written()
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path);
            var expected = SampleBundle.Contents();

            // When
            var bundle = ModelBundle.Open(path, PublicKey.FromPem(TestKeys.APublic));

            // Then
            using var model = new MemoryStream();
            bundle.OpenModel().CopyTo(model);
            Assert.Multiple(() =>
            {
                Assert.That(model.ToArray(), Is.EqualTo(SampleBundle.Model));
                Assert.That(bundle.Schema.Columns, Is.EqualTo(expected.Schema.Columns));
                Assert.That(bundle.Schema.Label, Is.EqualTo("default"));
                Assert.That(bundle.Schema.Positive, Is.EqualTo("yes"));
                Assert.That(bundle.Metrics, Is.EquivalentTo(expected.Metrics));
                Assert.That(bundle.Provenance, Is.EqualTo(expected.Provenance));
                Assert.That(bundle.KeyId, Is.EqualTo(TestKeys.AId));
            });
        }

        [Test]
        public void Should_Report_The_Sha256_Of_The_Bundle_File_As_Write_Returned_It()
        {
            // Given
            using var temp = new TempDirectory();
            using var key = SigningKey.FromPem(TestKeys.A);
            var path = temp["artifacts/credit-scoring/model.mlbundle"];
            var written = ModelBundle.Write(path, SampleBundle.Contents(), key);

            // When
            var bundle = ModelBundle.Open(path, key.PublicKey);

            // Then
            Assert.Multiple(() =>
            {
                Assert.That(bundle.Sha256, Is.EqualTo(written));
                Assert.That(bundle.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))));
            });
        }

        [Test]
        public void Should_Give_ML_Net_A_Model_It_Can_Load()
        {
            // Given
            using var temp = new TempDirectory();
            using var key = SigningKey.FromPem(TestKeys.A);
            var ml = new MLContext(seed: 1);
            var data = ml.Data.LoadFromEnumerable(new[] { new Row { Income = 10 }, new Row { Income = 30 } });
            using var saved = new MemoryStream();
            ml.Model.Save(ml.Transforms.NormalizeMinMax("Income").Fit(data), data.Schema, saved);
            var path = temp["model.mlbundle"];
            ModelBundle.Write(path, SampleBundle.Contents() with { Model = saved.ToArray() }, key);

            // When
            var bundle = ModelBundle.Open(path, key.PublicKey);
            var model = ml.Model.Load(bundle.OpenModel(), out _);

            // Then
            var scored = ml.Data.CreateEnumerable<Row>(model.Transform(data), reuseRowObject: false).Select(r => r.Income);
            Assert.That(scored, Is.EqualTo(new[] { 1f / 3, 1f }).Within(1e-6));
        }

        public sealed class Row
        {
            public float Income { get; set; }
        }
    }

    public sealed class Write
    {
        [Test]
        public void Should_Write_The_Same_Bytes_In_Every_Entry_But_The_Signature_For_The_Same_Contents_And_Key()
        {
            // Given
            using var temp = new TempDirectory();
            using var key = SigningKey.FromPem(TestKeys.A);

            // When
            ModelBundle.Write(temp["one.mlbundle"], SampleBundle.Contents(), key);
            ModelBundle.Write(temp["two.mlbundle"], SampleBundle.Contents(), key);

            // Then
            var one = SampleBundle.Entries(temp["one.mlbundle"]);
            var two = SampleBundle.Entries(temp["two.mlbundle"]);
            var oneFile = File.ReadAllBytes(temp["one.mlbundle"]);
            var twoFile = File.ReadAllBytes(temp["two.mlbundle"]);

            // signature.json is the last entry: everything before its local header (30 bytes and its name) is the same.
            var signed = oneFile.AsSpan().IndexOf("signature.json"u8) - 30;
            Assert.Multiple(() =>
            {
                Assert.That(two.Select(e => e.Key), Is.EqualTo(one.Select(e => e.Key)));
                Assert.That(two.Where(e => e.Key != "signature.json"), Is.EqualTo(one.Where(e => e.Key != "signature.json")));
                Assert.That(twoFile[..signed], Is.EqualTo(oneFile[..signed]));
                Assert.That(signed, Is.GreaterThan(SampleBundle.Model.Length));
            });
        }

        [Test]
        public void Should_Write_The_Entries_In_A_Fixed_Order_With_A_Fixed_Time()
        {
            // Given
            using var temp = new TempDirectory();

            // When
            var path = SampleBundle.WriteTo(temp.Path);

            // Then
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            Assert.Multiple(() =>
            {
                Assert.That(zip.Entries.Select(e => e.FullName), Is.EqualTo(new[]
                {
                    "metrics.json", "model.zip", "provenance.json", "schema.json", "manifest.json", "signature.json",
                }));
                Assert.That(zip.Entries.Select(e => e.LastWriteTime.DateTime), Has.All.EqualTo(new DateTime(1980, 1, 1)));
            });
        }

        [Test]
        public void Should_Replace_An_Existing_Bundle_And_Leave_No_Temporary_File()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp.Write("model.mlbundle", "an older bundle");

            // When
            SampleBundle.WriteTo(temp.Path);

            // Then
            Assert.Multiple(() =>
            {
                Assert.That(Directory.GetFiles(temp.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "model.mlbundle" }));
                Assert.That(ModelBundle.Open(path, PublicKey.FromPem(TestKeys.APublic)).Provenance.RunId, Is.EqualTo("7f3a"));
            });
        }
    }
}
