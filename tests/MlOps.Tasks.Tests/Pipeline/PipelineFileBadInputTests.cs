using System.Text;
using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Pipeline;

/// <summary>Pipeline files a user or an attacker might write: each is refused with the place and what to do (issue 16).</summary>
public sealed class PipelineFileBadInputTests
{
    private const string Start = "name: x\ndata:\n  path: d\n";

    private static InvalidFileException LoadFails(string yaml) => LoadFails(Encoding.UTF8.GetBytes(yaml));

    private static InvalidFileException LoadFails(byte[] bytes)
    {
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", bytes);
        return Assert.Throws<InvalidFileException>(() => PipelineFile.Load(temp.Path, "pipelines/p.yaml"));
    }

    private static string Repeat(string text, int count) => new StringBuilder().Insert(0, text, count).ToString();

    public sealed class Nesting
    {
        [Test]
        public void Should_Refuse_Flow_Mappings_Nested_20000_Levels_Deep_At_The_65th_Level()
        {
            // Given: the root mapping is level 1, so the 64th '{' (column 9 + 63 * 4) is level 65.
            var yaml = Start + "nested: " + Repeat("{a: ", 20_000) + "1" + Repeat("}", 20_000) + "\n";

            // When
            var error = LoadFails(yaml);

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:4:261: Lists and mappings are nested more than 64 levels deep here; remove the extra nesting."));
        }

        [Test]
        public void Should_Refuse_Flow_Lists_Nested_20000_Levels_Deep_At_The_65th_Level()
        {
            // When
            var error = LoadFails(Repeat("[", 20_000) + Repeat("]", 20_000));

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:1:65: Lists and mappings are nested more than 64 levels deep here; remove the extra nesting."));
        }

        [Test]
        public void Should_Refuse_An_Alias_Inside_The_Mapping_It_Names()
        {
            // When
            var error = LoadFails("name: x\ndata: &d\n  path: d\n  table: *d\n");

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:4:10: The alias '*d' stands inside the value anchored '&d' that it repeats; a file cannot contain itself."));
        }

        [Test]
        public void Should_Refuse_An_Alias_Before_Its_Anchor()
        {
            // When
            var error = LoadFails(Start + "*a : &a x\n");

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:4:1: The alias '*a' has no anchor '&a' before it; write '&a' on the value to repeat, above this line."));
        }

        [Test]
        public void Should_Refuse_Aliases_That_Repeat_Past_100000_Values()
        {
            // Given: each level repeats the one above ten times (a "billion laughs").
            var yaml = Start
                + "l1: &a [x, x, x, x, x, x, x, x, x, x]\n"
                + "l2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "l3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "l4: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "l5: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n";

            // When
            var error = LoadFails(yaml);

            // Then: 12,357 values before line 8's list, 11,111 for each '*d': the 8th crosses 100,000.
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:8:37: Aliases here repeat values " +
                "until the file holds more than 100000 of them; write out what you need instead."));
        }
    }

    public sealed class Syntax
    {
        [Test]
        public void Should_Name_An_Unclosed_List_At_The_End_Of_The_File()
        {
            // When
            var error = LoadFails("name: x\ndata:\n  path: [data\n");

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:3:9: YAML syntax error: this '[' is never closed: ',' or ']' was expected before the end of the file."));
        }

        [Test]
        public void Should_Name_An_Unclosed_Mapping_At_The_End_Of_The_File()
        {
            // When
            var error = LoadFails("name: x\ndata: {path: data");

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:2:7: YAML syntax error: this '{' is never closed: ',' or '}' was expected before the end of the file."));
        }

        [Test]
        public void Should_Name_An_Unclosed_List_Followed_By_A_Document_End_Marker()
        {
            // Given: YamlDotNet's scanner fails here with an InvalidOperationException, not a YAML error.
            var yaml = "name: x\ndata: [\n...]\n";

            // When
            var error = LoadFails(yaml);

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:2:7: YAML syntax error: this '[' is never closed: ',' or ']' was expected before 3:1."));
        }

        [Test]
        public void Should_Name_A_Last_Key_Without_Its_Value()
        {
            // Given: YamlDotNet's parser ends the mapping after the empty key, and its loader throws an ArgumentException.
            var yaml = Start + "  :";

            // When
            var error = LoadFails(yaml);

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:4:4: YAML syntax error: this entry of a mapping lacks its key or its value."));
        }

        [Test]
        public void Should_Name_The_Line_And_Column_Of_A_Tab_Indent()
        {
            // Given
            var yaml = Start + "schema:\n  label: y\n  columns:\n\t- { name: y, type: categorical }\n";

            // When
            var error = LoadFails(yaml);

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:7:1: YAML syntax error: a tab indents this line; YAML indents with spaces only."));
        }

        [Test]
        public void Should_Name_A_Tab_After_Spaces()
        {
            // When
            var error = LoadFails(Start + "schema:\n  label: y\n  columns:\n  \t- { name: y, type: categorical }\n");

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:7:3: YAML syntax error: a tab indents this line; YAML indents with spaces only."));
        }
    }

    public sealed class Encodings
    {
        [Test]
        public void Should_Name_The_Line_Of_A_Byte_That_Is_Not_Utf8()
        {
            // Given: "café" in Latin-1.
            var bytes = Encoding.Latin1.GetBytes("name: x\ndescription: café\ndata:\n  path: d\n");

            // When
            var error = LoadFails(bytes);

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:2:17: The file is not valid UTF-8: byte 0xE9 here does not start or continue a character; save it as UTF-8."));
        }

        [Test]
        public void Should_Read_A_File_With_A_Utf8_Byte_Order_Mark()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("pipelines/p.yaml", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("name: x\ndescription: café\ndata:\n  path: d\n")]);

            // When
            var pipeline = PipelineFile.Load(temp.Path, "pipelines/p.yaml");

            // Then
            Assert.That(pipeline.Description, Is.EqualTo("café"));
        }
    }

    public sealed class Paths
    {
        [Test]
        public void Should_Refuse_A_Name_That_Climbs_Out_Of_The_Artifacts_Folder()
        {
            // When
            var error = LoadFails("name: ../../../x\ndata:\n  path: d\n");

            // Then
            Assert.That(error.Message, Is.EqualTo(
                "pipelines/p.yaml:1:7: 'name' must be lowercase letters, digits, '-' or '_', " +
                "starting with a letter or digit, at most 63 characters (^[a-z0-9][a-z0-9_-]{0,62}$), not '../../../x'."));
        }

        [TestCase("Credit Scoring")]
        [TestCase("-x")]
        [TestCase("a/b")]
        public void Should_Refuse_A_Name_Outside_The_Pattern(string name)
        {
            Assert.That(LoadFails($"name: {name}\ndata:\n  path: d\n").Message, Does.EndWith($"(^[a-z0-9][a-z0-9_-]{{0,62}}$), not '{name}'."));
        }

        [Test]
        public void Should_Refuse_A_Table_That_Climbs_Out_Of_The_Tracked_Folder()
        {
            // When
            var error = LoadFails("name: x\ndata:\n  path: data\n  table: data/../../x.csv\n");

            // Then
            Assert.That(error.Message, Is.EqualTo(
                "pipelines/p.yaml:4:10: 'data.table' must stay inside the repository: a relative path without '.' or '..' parts (e.g. data/credit.csv), not 'data/../../x.csv'."));
        }

        [TestCase("/etc/passwd")]
        [TestCase("data/./x.csv")]
        [TestCase("data//x.csv")]
        public void Should_Refuse_A_Current_Batch_Outside_The_Repository(string current)
        {
            Assert.That(LoadFails($"name: x\ndata:\n  path: data\n  current: {current}\n").Message,
                Does.StartWith("pipelines/p.yaml:4:12: 'data.current' must stay inside the repository: "));
        }

        [TestCase("../x")]
        [TestCase("/tmp/x")]
        [TestCase(".")]
        [TestCase("./data")]
        public void Should_Refuse_A_Data_Path_Outside_The_Repository(string path)
        {
            Assert.That(LoadFails($"name: x\ndata:\n  path: {path}\n").Message, Does.StartWith("pipelines/p.yaml:3:9: 'data.path' must be a file or folder inside the repository"));
        }
    }

    public sealed class Separators
    {
        [TestCase("\"  \"", "  ")]
        [TestCase("spaces", "spaces")]
        [TestCase("'\\t'", "\\t")]
        [TestCase("\"\"", "")]
        [TestCase("'\"'", "\"")]
        public void Should_Refuse_A_Separator_Naming_The_Allowed_Values(string yaml, string value)
        {
            // When
            var error = LoadFails($"{Start}  csv:\n    separator: {yaml}\n");

            // Then
            Assert.That(error.Message, Is.EqualTo(
                "pipelines/p.yaml:5:16: 'data.csv.separator' must be one character other than a quote or line break (\"\\t\" in double quotes for a tab), "
                + $"or whitespace (fields separated by runs of spaces and tabs) (^(?:whitespace|[^\"\\r\\n])$), not '{value}'."));
        }

        [TestCase("whitespace", CsvSection.Whitespace)]
        [TestCase("\"\\t\"", "\t")]
        [TestCase("' '", " ")]
        [TestCase(";", ";")]
        public void Should_Accept_One_Character_Or_Whitespace(string yaml, string separator)
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("pipelines/p.yaml", $"{Start}  csv:\n    separator: {yaml}\n");

            // When
            var pipeline = PipelineFile.Load(temp.Path, "pipelines/p.yaml");

            // Then
            Assert.That(pipeline.Data.Csv.Separator, Is.EqualTo(separator));
        }
    }
}
