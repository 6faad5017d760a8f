using System.IO.Compression;
using MlOps.Models.Bundles;
using MlOps.Testing;

namespace MlOps.Models.Tests.Bundles;

/// <summary>Files that are no bundle at all get a sentence, never a raw exception.</summary>
public sealed partial class ModelBundleTests
{
    public sealed class NotABundle
    {
        [Test]
        public void Should_Say_So_When_The_File_Is_Empty()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp.Write("model.mlbundle", []);

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo($"{path}: not a model bundle (the file is empty)"));
        }

        [Test]
        public void Should_Say_So_When_The_File_Is_Not_A_Zip()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp.Write("model.mlbundle", "id,income\n1,20000\n");

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo($"{path}: not a model bundle (not a zip file)"));
        }

        [Test]
        public void Should_Say_So_When_The_File_Is_Truncated()
        {
            // Given
            using var temp = new TempDirectory();
            var path = SampleBundle.WriteTo(temp.Path);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo($"{path}: not a model bundle (the zip file is truncated or damaged)"));
        }

        [Test]
        public void Should_Say_So_When_The_File_Does_Not_Exist()
        {
            // Given
            using var temp = new TempDirectory();

            // When
            var error = OpenFails(temp["artifacts/model.mlbundle"]);

            // Then
            Assert.That(error.Message, Is.EqualTo($"{temp["artifacts/model.mlbundle"]}: no such file"));
        }

        [Test]
        public void Should_Say_So_When_The_Zip_Holds_Something_Else()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["model.mlbundle"];
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            {
                zip.CreateEntry("readme.txt");
            }

            // When
            var error = OpenFails(path);

            // Then
            Assert.That(error.Message, Is.EqualTo($"{path}: not a model bundle (a zip file without manifest.json and signature.json)"));
        }


        [Test]
        public void Should_Refuse_The_Bundle_Cut_Short_At_Any_Length()
        {
            // Given
            using var temp = new TempDirectory();
            var bytes = File.ReadAllBytes(SampleBundle.WriteTo(temp.Path));
            var path = temp["cut.mlbundle"];

            // When
            var outcomes = Enumerable.Range(0, bytes.Length).Where(n => n % 5 == 0 || n > bytes.Length - 30).Select(length =>
            {
                File.WriteAllBytes(path, bytes[..length]);
                return Outcome(path);
            }).ToList();

            // Then
            Assert.That(outcomes, Has.All.EqualTo("refused"));
        }

        [Test]
        public void Should_Refuse_Or_Read_Intact_The_Bundle_With_Any_One_Byte_Flipped()
        {
            // Given
            using var temp = new TempDirectory();
            var bytes = File.ReadAllBytes(SampleBundle.WriteTo(temp.Path));
            var path = temp["flipped.mlbundle"];

            // When
            var outcomes = Enumerable.Range(0, bytes.Length).Where(n => n % 3 == 0).Select(position =>
            {
                var flipped = (byte[])bytes.Clone();
                flipped[position] ^= 0x20;
                File.WriteAllBytes(path, flipped);
                return Outcome(path);
            }).ToList();

            // Then
            Assert.That(outcomes, Has.All.AnyOf("refused", "intact"));
        }

        // Zip metadata that the manifest does not cover (time stamps, attributes) may change; contents may not.
        private static string Outcome(string path)
        {
            try
            {
                var bundle = ModelBundle.Open(path, PublicKey.FromPem(TestKeys.APublic));
                using var model = new MemoryStream();
                bundle.OpenModel().CopyTo(model);
                var intact = model.ToArray().SequenceEqual(SampleBundle.Model) && bundle.Provenance == SampleBundle.Contents().Provenance;
                return intact ? "intact" : "changed";
            }
            catch (BundleVerificationException)
            {
                return "refused";
            }
        }
    }
}
