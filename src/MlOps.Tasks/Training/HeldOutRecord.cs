using System.Globalization;
using System.Text;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Training;

/// <summary>
/// The record of which rows a training run held out: held-out-rows.txt, a run artifact with one row key a line
/// (16 hex digits, ascending). Validate finds a version's test rows by it, and compares champion and challenger
/// on the rows both records hold: rows neither version trained on.
/// </summary>
internal static class HeldOutRecord
{
    /// <summary>The artifact's name in the run.</summary>
    public const string Name = "held-out-rows.txt";

    /// <summary>Logs the keys of <paramref name="rows"/> to run <paramref name="runId"/>.</summary>
    public static void Write(TrackingStore store, string runId, TableRows table, IReadOnlyList<int> rows)
    {
        var source = table.IdColumn is { } id ? $"the id column '{id}'" : "the row's fields as written";
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"# The {rows.Count:N0} rows run {runId} held out, by row key: the first 64 bits of the SHA-256 of {source}.\n"));
        foreach (var key in rows.Select(r => table.Keys[r]).Distinct().Order())
        {
            text.Append(key.ToString("x16", CultureInfo.InvariantCulture)).Append('\n');
        }

        var temp = Path.Combine(Path.GetTempPath(), $"mlops-{runId}-{Name}");
        try
        {
            File.WriteAllText(temp, text.ToString());
            store.Runs.LogArtifact(runId, temp, Name);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The keys <paramref name="run"/> recorded, or null when it recorded none (it was trained before runs recorded them).</summary>
    /// <exception cref="InvalidFileException">The record is not what <see cref="Write"/> writes.</exception>
    public static IReadOnlySet<ulong>? Read(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Artifacts.FirstOrDefault(a => a.Name == Name) is not { } artifact || !File.Exists(artifact.Path))
        {
            return null;
        }

        var keys = new HashSet<ulong>();
        foreach (var (line, number) in File.ReadLines(artifact.Path).Select((l, i) => (l, i + 1)))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            keys.Add(ulong.TryParse(line, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var key) && line.Length == 16 ? key
                : throw new InvalidFileException(new SourceLocation(artifact.Path, number, 1),
                    $"'{line}' is not a row key (16 hex digits); the record of run {run.Id}'s held-out rows is damaged, run ./build.sh --target=Train --force."));
        }

        return keys;
    }
}
