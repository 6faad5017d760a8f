using System.Text.RegularExpressions;

namespace MlOps.Tasks.Tests.Tracking;

/// <summary>
/// The store's SQL names its parameters <c>@name</c>, which SQLite and PostgreSQL (Npgsql) both accept; Npgsql reads <c>$1</c> as a
/// positional parameter and <c>$$</c> as a quote, so a <c>$name</c> placeholder would work on SQLite alone. The scan is over the text of
/// src/MlOps.Tasks/Tracking/*.cs (not the syntax): a <c>$</c> and a lower-case letter after a quote, a space, '(', ',' or '=' on a line
/// that is not a comment. C#'s interpolated strings (<c>$"</c>, <c>$"""</c>, <c>$@"</c>) have no letter after the <c>$</c>.
/// </summary>
public sealed partial class PortableSqlTests
{
    private static readonly string TrackingFolder =
        Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../..", "src", "MlOps.Tasks", "Tracking"));

    [Test]
    public void Should_Name_Every_Parameter_With_An_At_Sign_When_Tracking_Code_Holds_SQL()
    {
        // Given
        var files = Directory.GetFiles(TrackingFolder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        // When
        var offending = files.SelectMany(f => File.ReadLines(f)
                .Select((line, i) => (Line: i + 1, Placeholders: DollarPlaceholders(line)))
                .Where(l => l.Placeholders.Count > 0)
                .Select(l => $"{Path.GetRelativePath(TrackingFolder, f)}:{l.Line}: {string.Join(", ", l.Placeholders)}"))
            .ToList();

        // Then
        Assert.That(files, Has.Some.EndsWith("RunLog.cs"), "the scan found no Tracking sources in " + TrackingFolder);
        Assert.That(offending, Is.Empty, $"SQL parameters spelled $name (use @name, which PostgreSQL accepts too):\n{string.Join('\n', offending)}\n");
    }

    [Test]
    public void Should_Find_The_Placeholders_When_SQL_Text_Or_A_Parameter_Name_Starts_With_A_Dollar()
    {
        // Given
        const string line = """connection.Query("SELECT id FROM runs WHERE id = $id AND (key=$key,$value)", Read, ("$id", runId));""";

        // When
        var placeholders = DollarPlaceholders(line);

        // Then
        Assert.That(placeholders, Is.EqualTo(new[] { "$id", "$key", "$value", "$id" }));
    }

    [Test]
    public void Should_Find_No_Placeholder_When_A_Line_Is_An_Interpolated_String_Or_A_Comment()
    {
        // Given
        string[] lines =
        [
            """throw new UsageException($"Run '{runId}' does not exist in {connection.Database}.");""",
            """var sql = $@"SELECT {Columns} FROM runs WHERE id = @id";""",
            "var text = $$\"\"\"",
            "// the subquery used to read $last here",
            "/// <param name=\"EndedBy\">Who stopped it (<c>$USER</c>).</param>",
        ];

        // When
        var placeholders = lines.SelectMany(DollarPlaceholders);

        // Then
        Assert.That(placeholders, Is.Empty);
    }

    private static List<string> DollarPlaceholders(string line) =>
        line.TrimStart().StartsWith("//", StringComparison.Ordinal) ? [] : [.. DollarPlaceholder().Matches(line).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("""["\s(,=](\$[a-z]\w*)""")]
    private static partial Regex DollarPlaceholder();
}
