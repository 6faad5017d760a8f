using MlOps.Tasks.Artifacts;

namespace MlOps.Tasks.Data;

/// <summary>Adds entries to the .gitignore of a folder, as <c>dvc add</c> does for the tracked path.</summary>
internal static class GitIgnore
{
    /// <summary>Adds <paramref name="entry"/> unless present; returns whether the file changed.</summary>
    public static bool Add(string folder, string entry)
    {
        var file = Path.Combine(folder, ".gitignore");
        var text = File.Exists(file) ? File.ReadAllText(file) : "";
        if (text.Split('\n').Any(line => line.TrimEnd('\r') == entry))
        {
            return false;
        }

        var separator = text.Length == 0 || text.EndsWith('\n') ? "" : "\n";
        AtomicFile.WriteAllText(file, text + separator + entry + "\n");
        return true;
    }
}
