namespace MlOps.Tasks.Data;

/// <summary>A folder's <see cref="FolderHash"/>, with how many of its files had to be read for it.</summary>
/// <param name="Sha256">The folder's hash.</param>
/// <param name="Files">The files in the folder.</param>
/// <param name="Hashed">The files read and hashed; the others' hashes were remembered.</param>
public sealed record FolderDigest(string Sha256, int Files, int Hashed);
