using System.Text;
using MlOps.Testing;

namespace MlOps.Models.Tests.Bundles;

/// <summary>A bundle changed after signing is refused with a message that says what changed.</summary>
public sealed partial class ModelBundleTests
{
    public sealed class Tampering
    {
        [Test]
        public void Should_Refuse_A_Model_With_One_Byte_Flipped()
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path);
            var flipped = (byte[])SampleBundle.Model.Clone();
            flipped[1234] ^= 0x01;
            SampleBundle.Edit(path, entries => entries.Replace("model.zip", _ => flipped));

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"{path}: entry model.zip was changed after signing (sha256 {Short(Sha256(flipped))}, expected {Short(Sha256(SampleBundle.Model))}); {Restore}"));
        }

        [Test]
        public void Should_Refuse_A_Model_With_A_Byte_Flipped_In_Place_In_The_File()
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path);
            var bytes = File.ReadAllBytes(path);
            var model = bytes.AsSpan().IndexOf(SampleBundle.Model);
            bytes[model + 1234] ^= 0x01;
            File.WriteAllBytes(path, bytes);
            var flipped = bytes[model..(model + SampleBundle.Model.Length)];

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"{path}: entry model.zip was changed after signing (sha256 {Short(Sha256(flipped))}, expected {Short(Sha256(SampleBundle.Model))}); {Restore}"));
        }

        [Test]
        public void Should_Refuse_A_Schema_Edited_In_Place()
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path);
            var original = SampleBundle.Entry(path, "schema.json");
            var edited = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(original).Replace("\"numeric\"", "\"boolean\"", StringComparison.Ordinal));
            SampleBundle.Edit(path, entries => entries.Replace("schema.json", _ => edited));

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"{path}: entry schema.json was changed after signing (sha256 {Short(Sha256(edited))}, expected {Short(Sha256(original))}); {Restore}"));
        }

        [Test]
        public void Should_Refuse_Metrics_Whose_Size_Changed()
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path);
            SampleBundle.Edit(path, entries => entries.Replace("metrics.json", _ => "{\n  \"auc\": 0.99,\n  \"log_loss\": 0.41\n}\n"u8.ToArray()));

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo($"{path}: entry metrics.json was changed after signing (size 38, expected 39); {Restore}"));
        }

        [Test]
        public void Should_Refuse_An_Edit_Whose_Manifest_Was_Updated_To_Match()
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path);
            var edited = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SampleBundle.Entry(path, "schema.json")).Replace("\"numeric\"", "\"boolean\"", StringComparison.Ordinal));
            SampleBundle.Edit(path, entries =>
            {
                var manifest = Encoding.UTF8.GetString(entries.Single(e => e.Key == "manifest.json").Value)
                    .Replace(Sha256(entries.Single(e => e.Key == "schema.json").Value), Sha256(edited), StringComparison.Ordinal);
                entries.Replace("schema.json", _ => edited);
                entries.Replace("manifest.json", _ => Encoding.UTF8.GetBytes(manifest));
            });

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"{path}: the signature does not match manifest.json for key 8cd9…99a6; the manifest or the signature was changed after signing: {Restore}"));
        }

        [Test]
        public void Should_Refuse_An_Entry_Added_After_Signing()
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path);
            SampleBundle.Edit(path, entries => entries.Add(KeyValuePair.Create("notes.txt", "hello"u8.ToArray())));

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo($"{path}: entry notes.txt is not in the signed manifest; it was added after signing: {Restore}"));
        }

        [Test]
        public void Should_Refuse_A_Second_Entry_Of_The_Same_Name()
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path);
            SampleBundle.Edit(path, entries => entries.Add(KeyValuePair.Create("model.zip", "another model"u8.ToArray())));

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo($"{path}: entry model.zip appears 2 times; the bundle was changed after signing: {Restore}"));
        }

        [TestCase("model.zip")]
        [TestCase("schema.json")]
        [TestCase("metrics.json")]
        [TestCase("provenance.json")]
        [TestCase("manifest.json")]
        public void Should_Refuse_A_Bundle_With_An_Entry_Removed(string name)
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path);
            SampleBundle.Edit(path, entries => entries.RemoveAll(e => e.Key == name));

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo($"{path}: entry {name} is missing; the bundle was changed after signing: {Restore}"));
        }

        [Test]
        public void Should_Refuse_A_Bundle_Without_A_Signature()
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path);
            SampleBundle.Edit(path, entries => entries.RemoveAll(e => e.Key == "signature.json"));

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo($"{path}: the bundle is not signed (no signature.json); {Restore}"));
        }
    }
}
