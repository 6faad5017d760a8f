using MlOps.Tasks.Data;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Data;

public sealed class DataCheckTests
{
    public sealed class Verify
    {
        [Test]
        public void Should_Return_The_Pointer_When_The_Data_Matches()
        {
            // Given
            using var temp = new TempDirectory();
            DvcVectors.WriteVectorA(temp, "data");
            temp.Write("data.dvc", DvcVectors.VectorAPointer);

            // When
            var pointer = new DataCheck(temp.Path).Verify("data");

            // Then
            Assert.That(pointer!.Md5, Is.EqualTo(DvcVectors.VectorAMd5));
        }

        [Test]
        public void Should_Return_Null_When_The_Data_Is_Not_Tracked()
        {
            // Given
            using var temp = new TempDirectory();
            DvcVectors.WriteVectorA(temp, "data");

            // When
            var pointer = new DataCheck(temp.Path).Verify("data");

            // Then
            Assert.That(pointer, Is.Null);
        }

        [Test]
        public void Should_Name_Both_Hashes_And_The_Changed_File_When_One_Byte_Changes()
        {
            // Given
            using var temp = new TempDirectory();
            DvcVectors.WriteVectorA(temp, "data");
            new DataTracker(temp.Path).Track("data");
            temp.Write("data/a.txt", "hellO\n");

            // When
            var error = Assert.Throws<DataMismatchException>(() => new DataCheck(temp.Path).Verify("data"));

            // Then
            var actual = ContentHash.Of(temp["data"]).Md5;
            Assert.That(error.Message, Is.EqualTo(
                $"data: md5 {actual} does not match data.dvc ({DvcVectors.VectorAMd5}) [data/a.txt changed]; " +
                $"run `./build.sh --target=TrackData --path=data` if the change is intended."));
        }

        [Test]
        public void Should_Name_Added_And_Removed_Files()
        {
            // Given
            using var temp = new TempDirectory();
            DvcVectors.WriteVectorA(temp, "data");
            new DataTracker(temp.Path).Track("data");
            File.Delete(temp["data/sub/b.txt"]);
            temp.Write("data/new.txt", "new");

            // When
            var error = Assert.Throws<DataMismatchException>(() => new DataCheck(temp.Path).Verify("data"));

            // Then
            Assert.That(error.Message, Does.Contain("[data/new.txt added, data/sub/b.txt removed]"));
        }

        [Test]
        public void Should_Say_What_To_Do_When_The_Data_Is_Missing()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("data.dvc", DvcVectors.VectorAPointer);

            // When
            var error = Assert.Throws<DataMismatchException>(() => new DataCheck(temp.Path).Verify("data"));

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"data: not found, but data.dvc pins md5 {DvcVectors.VectorAMd5}. Restore it (e.g. `dvc pull`) or remove data.dvc."));
        }

        [Test]
        public void Should_Check_A_Dvc_2_Pointer_With_Dvc_2_Hashing()
        {
            // Given
            using var temp = new TempDirectory();
            DvcVectors.WriteVectorA(temp, "data");
            temp.Write("data.dvc", $"outs:\n- md5: {DvcVectors.VectorALegacyMd5}\n  size: 32\n  nfiles: 3\n  path: data\n");

            // When
            var pointer = new DataCheck(temp.Path).Verify("data");

            // Then
            Assert.That(pointer!.IsLegacy, Is.True);
        }

        [Test]
        public void Should_Refuse_A_Pointer_Whose_Path_Is_Not_The_Data_Beside_It()
        {
            // Given
            using var temp = new TempDirectory();
            DvcVectors.WriteVectorA(temp, "data");
            temp.Write("data.dvc", DvcVectors.VectorAPointer.Replace("path: data", "path: ../../etc", StringComparison.Ordinal));

            // When
            var error = Assert.Throws<InvalidFileException>(() => new DataCheck(temp.Path).Verify("data"));

            // Then
            Assert.That(error.Message, Is.EqualTo("data.dvc:6:9: 'path: ../../etc' does not match data.path (data); " +
                "data.dvc tracks the file or folder beside it, so it must say 'path: data'."));
        }
    }
}
