using MlOps.Tasks.Data;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Data;

public sealed class DataPointerTests
{
    public sealed class Format
    {
        [Test]
        public void Should_Write_A_Directory_Pointer_As_Dvc_3()
        {
            // Given
            var pointer = new DataPointer { Md5 = DvcVectors.VectorAMd5, Size = 32, FileCount = 3, Path = "data" };

            // When
            var text = pointer.Format();

            // Then
            Assert.That(text, Is.EqualTo(DvcVectors.VectorAPointer));
        }

        [Test]
        public void Should_Write_isexec_Only_For_Executables_Before_hash()
        {
            // Given
            var pointer = new DataPointer { Md5 = "acbd18db4cc2f85cedef654fccc4a4d8", Size = 3, IsExecutable = true, Path = "run.sh" };

            // When
            var text = pointer.Format();

            // Then
            Assert.That(text, Is.EqualTo("outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  isexec: true\n  hash: md5\n  path: run.sh\n"));
        }

        [TestCase("12345678901234567890123456789012", "'12345678901234567890123456789012'")]
        [TestCase("1234567890e234567890123456789012", "'1234567890e234567890123456789012'")]
        [TestCase("1234567890a234567890123456789012", "1234567890a234567890123456789012")]
        public void Should_Quote_An_Md5_That_Reads_As_A_Number(string md5, string written)
        {
            // Given
            var pointer = new DataPointer { Md5 = md5, Size = 1, Path = "f" };

            // When
            var text = pointer.Format();

            // Then
            Assert.That(text, Does.StartWith($"outs:\n- md5: {written}\n"));
        }

        [TestCase("my data.csv", "my data.csv")]
        [TestCase("yes", "'yes'")]
        [TestCase("123", "'123'")]
        [TestCase("a: b", "'a: b'")]
        [TestCase("it's", "'it''s'")]
        public void Should_Quote_A_Path_Only_When_Yaml_Would_Misread_It(string path, string written)
        {
            // Given
            var pointer = new DataPointer { Md5 = "acbd18db4cc2f85cedef654fccc4a4d8", Size = 3, Path = path };

            // When
            var text = pointer.Format();

            // Then
            Assert.That(text, Does.EndWith($"  path: {written}\n"));
        }
    }

    public sealed class Read
    {
        [Test]
        public void Should_Read_A_Dvc_3_Pointer()
        {
            // Given
            using var temp = new TempDirectory();
            var file = temp.Write("data.dvc", DvcVectors.VectorAPointer);

            // When
            var pointer = DataPointer.Read(file, "data.dvc");

            // Then
            Assert.That(pointer.Md5, Is.EqualTo(DvcVectors.VectorAMd5));
            Assert.That(pointer.Size, Is.EqualTo(32));
            Assert.That(pointer.FileCount, Is.EqualTo(3));
            Assert.That(pointer.Path, Is.EqualTo("data"));
            Assert.That(pointer.IsLegacy, Is.False);
            Assert.That(pointer.Format(), Is.EqualTo(DvcVectors.VectorAPointer));
        }

        [Test]
        public void Should_Read_A_Dvc_2_Pointer_With_Crlf_As_Legacy()
        {
            // Given
            using var temp = new TempDirectory();
            var file = temp.Write("data.dvc", "outs:\r\n- md5: d4bb2a1171886999a3e55e0d056a3ccb.dir\r\n  size: 32\r\n  nfiles: 3\r\n  path: data\r\n");

            // When
            var pointer = DataPointer.Read(file, "data.dvc");

            // Then
            Assert.That(pointer.IsLegacy, Is.True);
            Assert.That(pointer.Md5, Is.EqualTo(DvcVectors.VectorALegacyMd5));
        }

        [Test]
        public void Should_Keep_Optional_Keys_In_Dvc_Order()
        {
            // Given
            using var temp = new TempDirectory();
            var file = temp.Write("data.dvc", "outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  hash: md5\n  path: foo\n  push: false\n  desc: The foo file\n");

            // When
            var pointer = DataPointer.Read(file, "data.dvc");

            // Then
            Assert.That(pointer.Format(), Does.EndWith("  path: foo\n  desc: The foo file\n  push: false\n"));
        }

        [Test]
        public void Should_Name_The_Line_When_A_Key_Is_Missing()
        {
            // Given
            using var temp = new TempDirectory();
            var file = temp.Write("data.dvc", "outs:\n- size: 3\n  hash: md5\n  path: foo\n");

            // When
            var error = Assert.Throws<InvalidFileException>(() => DataPointer.Read(file, "data.dvc"));

            // Then
            Assert.That(error.Message, Is.EqualTo("data.dvc:2:3: the entry has no 'md5'."));
        }

        [Test]
        public void Should_Refuse_An_Md5_That_Is_Not_One()
        {
            // Given
            using var temp = new TempDirectory();
            var file = temp.Write("data.dvc", "outs:\n- md5: ../../etc\n  size: 3\n  hash: md5\n  path: foo\n");

            // When
            var error = Assert.Throws<InvalidFileException>(() => DataPointer.Read(file, "data.dvc"));

            // Then
            Assert.That(error.Message, Is.EqualTo("data.dvc:2:8: 'md5: ../../etc' is not an md5 (32 hex digits, '.dir' for a folder)."));
        }

        [Test]
        public void Should_Write_Cache_Before_Remote_As_Dvc_Does()
        {
            // Given
            using var temp = new TempDirectory();
            var file = temp.Write("data.dvc", "outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  hash: md5\n  path: foo\n  remote: store\n  cache: false\n");

            // When
            var text = DataPointer.Read(file, "data.dvc").Format();

            // Then
            Assert.That(text, Does.EndWith("  path: foo\n  cache: false\n  remote: store\n"));
        }

        [Test]
        public void Should_Refuse_A_File_Without_Outs()
        {
            // Given
            using var temp = new TempDirectory();
            var file = temp.Write("data.dvc", "md5: abc\n");

            // When
            var error = Assert.Throws<InvalidFileException>(() => DataPointer.Read(file, "data.dvc"));

            // Then
            Assert.That(error.Message, Is.EqualTo("data.dvc:1:1: expected 'outs:' with exactly one entry, as `dvc add` writes."));
        }

        [Test]
        public void Should_Refuse_Lists_Nested_20000_Levels_Deep_At_The_65th_Level()
        {
            // Given: the root mapping is level 1, so the 64th '[' (column 7 + 63) is level 65.
            using var temp = new TempDirectory();
            var file = temp.Write("data.dvc", "outs: " + new string('[', 20_000) + new string(']', 20_000) + "\n");

            // When
            var error = Assert.Throws<InvalidFileException>(() => DataPointer.Read(file, "data.dvc"));

            // Then
            Assert.That(error.Message, Is.EqualTo("data.dvc:1:70: Lists and mappings are nested more than 64 levels deep here; remove the extra nesting."));
        }

        [Test]
        public void Should_Name_An_Unclosed_List_At_The_End_Of_The_File()
        {
            // Given
            using var temp = new TempDirectory();
            var file = temp.Write("data.dvc", "outs:\n- md5: [\n");

            // When
            var error = Assert.Throws<InvalidFileException>(() => DataPointer.Read(file, "data.dvc"));

            // Then
            Assert.That(error.Message, Is.EqualTo("data.dvc:2:8: YAML syntax error: this '[' is never closed: ',' or ']' was expected before the end of the file."));
        }

        [Test]
        public void Should_Name_The_Line_Where_The_Yaml_Scanner_Gives_Up()
        {
            // Given: YamlDotNet's scanner fails here with an InvalidOperationException, not a YAML error.
            using var temp = new TempDirectory();
            var file = temp.Write("data.dvc", "outs:\n- {md5: a\n---}\n");

            // When
            var error = Assert.Throws<InvalidFileException>(() => DataPointer.Read(file, "data.dvc"));

            // Then
            Assert.That(error.Message, Is.EqualTo("data.dvc:3:1: YAML syntax error: the text cannot be read as YAML from here; expected a key, a value or the end of the file."));
        }

        [Test]
        public void Should_Name_The_Line_Of_A_Byte_That_Is_Not_Utf8()
        {
            // Given: "föo" in Latin-1.
            using var temp = new TempDirectory();
            var file = temp.Write("data.dvc", System.Text.Encoding.Latin1.GetBytes("outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  hash: md5\n  path: föo\n"));

            // When
            var error = Assert.Throws<InvalidFileException>(() => DataPointer.Read(file, "data.dvc"));

            // Then
            Assert.That(error.Message, Is.EqualTo("data.dvc:5:10: The file is not valid UTF-8: byte 0xF6 here does not start or continue a character; save it as UTF-8."));
        }
    }
}
