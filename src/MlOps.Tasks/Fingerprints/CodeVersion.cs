using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Metadata;
using System.Security.Cryptography;
using System.Text;

namespace MlOps.Tasks.Fingerprints;

/// <summary>
/// The version of the code that computes a result, narrow enough that a change elsewhere does not count:
/// for our own assemblies, a hash of the source files the compiler compiled from the named folders (the
/// portable pdb records each file's checksum); for a package's assembly, its name, version and module id.
/// Neither depends on the folder the code was built in or the commit it was built at.
/// </summary>
public static class CodeVersion
{
    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);

    /// <summary>
    /// sha256 over the relative paths and checksums of <paramref name="assembly"/>'s source files below
    /// <paramref name="folders"/> (project-relative, e.g. "Training"; none: every source file of the project).
    /// Without a pdb beside the assembly, its module version id, which changes with any of its code.
    /// </summary>
    public static string Sources(Assembly assembly, params string[] folders)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(folders);
        return Known.GetOrAdd($"{assembly.FullName}|{string.Join('|', folders)}", _ => Compute(assembly, folders));
    }

    /// <summary>A package's assembly by name, informational version and module version id.</summary>
    public static string Package(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString();
        return $"{assembly.GetName().Name}/{version}/{assembly.ManifestModule.ModuleVersionId:N}";
    }

    private static string Compute(Assembly assembly, string[] folders)
    {
        var files = SourceFiles(assembly);
        if (files is null)
        {
            return $"module/{assembly.ManifestModule.ModuleVersionId:N}";
        }

        var prefixes = folders.Select(f => f.TrimEnd('/') + "/").ToArray();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, checksum) in files.Where(f => prefixes.Length == 0 || prefixes.Any(p => f.Path.StartsWith(p, StringComparison.Ordinal))))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{path}\n{checksum}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // The project's own source files (path relative to the project folder, checksum), ordinal order; null without a readable pdb.
    private static List<(string Path, string Checksum)>? SourceFiles(Assembly assembly)
    {
        var pdb = Path.ChangeExtension(assembly.Location, ".pdb");
        if (string.IsNullOrEmpty(assembly.Location) || !File.Exists(pdb))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(pdb);
            using var provider = MetadataReaderProvider.FromPortablePdbStream(stream);
            var reader = provider.GetMetadataReader();
            var documents = reader.Documents.Select(reader.GetDocument)
                .Select(d => (Path: reader.GetString(d.Name).Replace('\\', '/'), Checksum: Convert.ToHexStringLower(reader.GetBlobBytes(d.Hash))))
                .ToList();
            // Generated files (assembly attributes, global usings) live under the project's obj/ folder, which says where the project is.
            var project = documents.Select(d => d.Path.IndexOf("/obj/", StringComparison.Ordinal) is var i and > 0 ? d.Path[..(i + 1)] : null)
                .FirstOrDefault(p => p is not null);
            return project is null ? null
                : [.. documents.Where(d => d.Path.StartsWith(project, StringComparison.Ordinal) && !d.Path.StartsWith(project + "obj/", StringComparison.Ordinal)
                        && d.Path.EndsWith(".cs", StringComparison.Ordinal))
                    .Select(d => (d.Path[project.Length..], d.Checksum))
                    .OrderBy(d => d.Item1, StringComparer.Ordinal)];
        }
        catch (BadImageFormatException)
        {
            // Not a portable pdb (a Windows pdb, or damaged): fall back to the module id.
            return null;
        }
    }
}
