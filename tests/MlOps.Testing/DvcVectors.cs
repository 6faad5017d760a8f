namespace MlOps.Testing;

/// <summary>The reference data of shared/testvectors/dvc.md.</summary>
public static class DvcVectors
{
    /// <summary>Vector A: a.txt, crlf.txt, sub/b.txt and an empty folder that DVC ignores.</summary>
    public static void WriteVectorA(TempDirectory temp, string folder)
    {
        ArgumentNullException.ThrowIfNull(temp);
        temp.Write($"{folder}/a.txt", "hello\n");
        temp.Write($"{folder}/crlf.txt", "line1\r\nline2\r\n");
        temp.Write($"{folder}/sub/b.txt", "nested file\n");
        Directory.CreateDirectory(temp[$"{folder}/emptydir"]);
    }

    public const string VectorAMd5 = "f35192d9e982b0e9a9316b7f20253770.dir";

    public const string VectorALegacyMd5 = "d4bb2a1171886999a3e55e0d056a3ccb.dir";

    public const string VectorAPointer = """
        outs:
        - md5: f35192d9e982b0e9a9316b7f20253770.dir
          size: 32
          nfiles: 3
          hash: md5
          path: data

        """;

    /// <summary>
    /// A <c>.dvc/config</c> as <c>dvc remote add -d storage s3://bucket/data</c>, <c>dvc remote modify storage endpointurl …</c> and
    /// <c>dvc remote add backup ../backup</c> (at the repository root, so relative to <c>.dvc/</c>) write it.
    /// </summary>
    public const string RemotesConfig = """
        [core]
            remote = storage
            autostage = true
        ['remote "storage"']
            url = s3://bucket/data
            endpointurl = http://127.0.0.1:9000
        ['remote "backup"']
            url = ../../backup
        """;

    /// <summary>A <c>.dvc/config</c> whose default remote <paramref name="name"/> is at <paramref name="url"/>, as <c>dvc remote add -d</c> writes it.</summary>
    public static string DefaultRemoteConfig(string name, string url) => $"[core]\n    remote = {name}\n['remote \"{name}\"']\n    url = {url}\n";
}
