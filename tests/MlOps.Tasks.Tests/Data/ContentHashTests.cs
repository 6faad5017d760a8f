using System.Text;
using MlOps.Tasks.Data;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Data;

public sealed class ContentHashTests
{
    public sealed class Of
    {
        [Test]
        public void Should_Hash_Vector_A_Like_Dvc_3()
        {
            // Given
            using var temp = new TempDirectory();
            DvcVectors.WriteVectorA(temp, "data");

            // When
            var content = ContentHash.Of(temp["data"]);

            // Then
            Assert.That(content.Md5, Is.EqualTo(DvcVectors.VectorAMd5));
            Assert.That(content.Size, Is.EqualTo(32));
            Assert.That(content.FileCount, Is.EqualTo(3));
            Assert.That(content.Manifest!.Json, Has.Length.EqualTo(202));
            Assert.That(Encoding.ASCII.GetString(content.Manifest.Json), Is.EqualTo(
                """[{"md5": "b1946ac92492d2347c6235b4d2611184", "relpath": "a.txt"}, """ +
                """{"md5": "c6242222cf6ccdb15a43e0e5b1a08810", "relpath": "crlf.txt"}, """ +
                """{"md5": "a47170636e9c528995092e14a81000ab", "relpath": "sub/b.txt"}]"""));
        }

        [Test]
        public void Should_Hash_Vector_A_Like_Dvc_2_When_Legacy()
        {
            // Given
            using var temp = new TempDirectory();
            DvcVectors.WriteVectorA(temp, "data");

            // When
            var content = ContentHash.Of(temp["data"], legacy: true);

            // Then
            Assert.That(content.Md5, Is.EqualTo(DvcVectors.VectorALegacyMd5));
            Assert.That(ContentHash.Md5OfFile(temp["data/crlf.txt"], legacy: true), Is.EqualTo("4fcc82a88ee38e0aa16c17f512c685c9"));
        }

        [Test]
        public void Should_Match_Dvc_Own_Test_Vectors()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("dir/foo", "foo");
            temp.Write("dir/bar", "bar");

            // When
            var directory = ContentHash.Of(temp["dir"]);
            var file = ContentHash.Of(temp["dir/foo"]);

            // Then
            Assert.That(directory.Md5, Is.EqualTo("5ea40360f5b4ec688df672a4db9c17d1.dir"));
            Assert.That(file.Md5, Is.EqualTo("acbd18db4cc2f85cedef654fccc4a4d8"));
            Assert.That(file.FileCount, Is.Null);
        }

        [Test]
        public void Should_Skip_Git_Hg_And_Dvc_Folders_At_Any_Depth()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("dir/foo", "foo");
            temp.Write("dir/bar", "bar");
            temp.Write("dir/.git/HEAD", "ref");
            temp.Write("dir/sub/.dvc/config", "");
            temp.Write("dir/.hg/x", "x");

            // When
            var directory = ContentHash.Of(temp["dir"]);

            // Then
            Assert.That(directory.Md5, Is.EqualTo("5ea40360f5b4ec688df672a4db9c17d1.dir"));
        }

        [Test]
        public void Should_Count_A_Gitignore_Inside_The_Folder_As_A_File()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("dir/foo", "foo");
            temp.Write("dir/.gitignore", "x\n");

            // When
            var directory = ContentHash.Of(temp["dir"]);

            // Then
            Assert.That(directory.Manifest!.Entries.Select(e => e.RelativePath), Is.EqualTo(new[] { ".gitignore", "foo" }));
        }

        [Test]
        public void Should_Escape_Non_Ascii_And_Sort_By_Code_Point_As_Python_Does()
        {
            // Given: U+E000 sorts before U+1F600 by code point, after it by UTF-16 unit.
            using var temp = new TempDirectory();
            temp.Write("dir/\U0001F600.txt", "a");
            temp.Write("dir/\uE000.txt", "b");
            temp.Write("dir/é \"q\".txt", "c");

            // When
            var json = Encoding.ASCII.GetString(ContentHash.Of(temp["dir"]).Manifest!.Json);

            // Then
            Assert.That(json, Is.EqualTo(
                """[{"md5": "4a8a08f09d37b73795649038408b5f33", "relpath": "\u00e9 \"q\".txt"}, """ +
                """{"md5": "92eb5ffee6ae2fec3ad71c777531578f", "relpath": "\ue000.txt"}, """ +
                """{"md5": "0cc175b9c0f1b6a831c399e269772661", "relpath": "\ud83d\ude00.txt"}]"""));
        }

        [Test]
        public void Should_Throw_When_The_Path_Does_Not_Exist()
        {
            // Given
            using var temp = new TempDirectory();

            // When
            var error = Assert.Throws<FileNotFoundException>(() => ContentHash.Of(temp["nope"]));

            // Then
            Assert.That(error.Message, Is.EqualTo($"'{temp["nope"]}' does not exist."));
        }
    }
}
