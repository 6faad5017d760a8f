using BenchmarkDotNet.Attributes;
using MlOps.Tasks.Data;

namespace MlOps.Benchmarks;

/// <summary>DVC-compatible hashing: one large file, and a folder of many small files.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class HashBenchmarks
{
    private string folder = "";

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("mlops-bench-").FullName;
        var random = new Random(42);
        var block = new byte[1 << 20];
        using (var large = File.Create(Path.Combine(folder, "large.bin")))
        {
            for (var i = 0; i < 1024; i++)
            {
                random.NextBytes(block);
                large.Write(block);
            }
        }

        var small = Directory.CreateDirectory(Path.Combine(folder, "small")).FullName;
        for (var i = 0; i < 10_000; i++)
        {
            random.NextBytes(block.AsSpan(0, 10_240));
            File.WriteAllBytes(Path.Combine(small, $"{i:D5}.bin"), block[..10_240]);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    /// <summary>1 GiB file: bytes per second is the number to compare with md5sum.</summary>
    [Benchmark]
    public string Md5Of1GiBFile() => ContentHash.Md5OfFile(Path.Combine(folder, "large.bin"));

    /// <summary>10 000 files of 10 KiB: manifest building, sorting and per-file overhead.</summary>
    [Benchmark]
    public string Md5Of10000SmallFiles() => ContentHash.Of(Path.Combine(folder, "small")).Md5;
}
