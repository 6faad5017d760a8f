using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MlOps.Build.Tests.BadInputs;

/// <summary>Reads the corpus manifests (BadInputs/&lt;kind&gt;.yaml, copied beside the tests) into test cases.</summary>
internal static partial class BadInputCorpus
{
    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>The cases of one kind, named "kind: name" and marked with their defect.</summary>
    public static IEnumerable<TestCaseData> Of(string kind)
    {
        var file = System.IO.Path.Combine(AppContext.BaseDirectory, "BadInputs", kind + ".yaml");
        var cases = Reader.Deserialize<List<BadInput>>(File.ReadAllText(file));
        foreach (var input in cases)
        {
            input.Kind = kind;
            var data = new TestCaseData(input).SetName($"{kind}: {input.Name}");
            if (input.Defect is { } defect)
            {
                var number = int.TryParse(defect, out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "New";
                data.SetCategory("Defect" + number).SetDescription($"Proves defect {defect}: failed before its fix.");
            }

            yield return data;
        }
    }

    /// <summary>Expands <c>$(repeat N:text)$</c> (text N times) and <c>$(lines A-B)$</c> (lines A to B of the sample's data/credit.csv, the header being line 1).</summary>
    public static string Expand(string text)
    {
        text = Lines().Replace(text, m => string.Concat(File.ReadLines(System.IO.Path.Combine(CorpusRepositories.WithData, "data/credit.csv"))
            .Skip(Number(m.Groups[1]) - 1).Take(Number(m.Groups[2]) - Number(m.Groups[1]) + 1).Select(l => l + "\n")));
        return Repeat().Replace(text, m => string.Concat(Enumerable.Repeat(m.Groups[2].Value, Number(m.Groups[1]))));
    }

    /// <summary>Encodes <paramref name="text"/> as the case asks: UTF-8, or ISO-8859-1 for <c>encoding: latin1</c>.</summary>
    public static byte[] Bytes(BadInput input, string text) =>
        input.Encoding == "latin1" ? System.Text.Encoding.Latin1.GetBytes(text) : System.Text.Encoding.UTF8.GetBytes(text);

    private static int Number(Group group) => int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\$\(lines (\d+)-(\d+)\)\$")]
    private static partial Regex Lines();

    [GeneratedRegex(@"\$\(repeat (\d+):(.*?)\)\$", RegexOptions.Singleline)]
    private static partial Regex Repeat();
}
