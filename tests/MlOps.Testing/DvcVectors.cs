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
}
