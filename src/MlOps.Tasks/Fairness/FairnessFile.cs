using MlOps.Tasks.Artifacts;

namespace MlOps.Tasks.Fairness;

/// <summary>fairness.json (<see cref="ArtifactNames.Fairness"/>): the <see cref="FairnessReport"/> of <see cref="FairnessCheck"/>, written and read back.</summary>
public static class FairnessFile
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, FairnessReport report) => ArtifactJson.Write(path, report);

    /// <summary>Reads <paramref name="path"/>, or returns null when there is no such file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="shownAs">The path to name in an error (relative to the repository), when not <paramref name="path"/>.</param>
    /// <exception cref="InvalidFileException">It is not the fairness.json BiasCheck writes.</exception>
    public static FairnessReport? ReadIfExists(string path, string? shownAs = null) =>
        ArtifactJson.ReadIfExists<FairnessReport>(path, shownAs, "BiasCheck", "./build.sh --target=BiasCheck --force");

}
