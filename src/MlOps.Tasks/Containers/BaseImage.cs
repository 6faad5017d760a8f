namespace MlOps.Tasks.Containers;

/// <summary>The offline base image in the daemon.</summary>
/// <param name="Tag">Its tag, e.g. <c>mlops/base:debian12-0a1b2c3d4e5f</c>.</param>
/// <param name="Id">The image id (<c>sha256:…</c>).</param>
/// <param name="Packages">The Debian packages it is made of, with their versions.</param>
/// <param name="Imported">Whether this call imported it (false: the tag existed and was reused).</param>
public sealed record BaseImage(string Tag, string Id, IReadOnlyList<DebianPackage> Packages, bool Imported);
