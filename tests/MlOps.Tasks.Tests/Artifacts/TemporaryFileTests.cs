using System.Diagnostics;
using MlOps.Tasks.Artifacts;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Artifacts;

public sealed class TemporaryFileTests
{
    [Test]
    public void Should_Name_A_Temporary_File_Beside_Its_Destination_After_This_Process()
    {
        // Given
        using var temp = new TempDirectory();

        // When
        var name = TemporaryFile.Beside(temp["cache/ab/cdef"]);

        // Then
        Assert.That(Path.GetDirectoryName(name), Does.Exist.And.EqualTo(temp["cache/ab"]));
        Assert.That(Path.GetFileName(name), Does.Match($@"^\.cdef\.[0-9a-f]{{32}}\.{WriterProcess.HostTag}-{Environment.ProcessId}\.tmp$"));
    }

    [Test]
    public void Should_Remove_Only_The_Temporary_Files_Whose_Writer_Is_Gone()
    {
        // Given
        using var temp = new TempDirectory();
        var gone = GonePid();
        var host = WriterProcess.HostTag;
        var left = temp.Write($"ab/.cdef.{Guid.NewGuid():N}.{host}-{gone}.tmp", "a killed writer's");
        var nested = temp.Write($"run/..model.mlbundle.{Guid.NewGuid():N}.{host}-{gone}.tmp.{Guid.NewGuid():N}.tmp", "written beside a killed writer's");
        var reused = temp.Write($"ab/.cdef.{Guid.NewGuid():N}.{host}-{Environment.ProcessId}.tmp", "written before this process started");
        File.SetLastWriteTimeUtc(reused, WriterProcess.Started.UtcDateTime - TimeSpan.FromHours(1));
        var writing = temp.Write(Path.GetRelativePath(temp.Path, TemporaryFile.Beside(temp["ab/cdef"])), "this process's");
        var elsewhere = temp.Write($"ab/.cdef.{Guid.NewGuid():N}.{WriterProcess.TagOf("another-host")}-{gone}.tmp", "another machine's");
        var unnamed = temp.Write($"ab/.cdef.{Guid.NewGuid():N}.tmp", "an older build's");
        var dvc = temp.Write("ab/cdef.5ab1c2.tmp", "DVC's");

        // When
        var removed = TemporaryFile.RemoveLeftovers(temp.Path);

        // Then
        Assert.That(removed, Is.EquivalentTo(new[] { left, nested, reused }));
        Assert.That(removed, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(new[] { left, nested, reused }.Select(File.Exists), Is.All.False);
        Assert.That(new[] { writing, elsewhere, unnamed, dvc }.Select(File.Exists), Is.All.True);
        Assert.That(TemporaryFile.RemoveLeftovers(temp["absent"]), Is.Empty);
    }

    private static int GonePid()
    {
        using var process = Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
