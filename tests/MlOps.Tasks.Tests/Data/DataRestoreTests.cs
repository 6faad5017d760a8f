using MlOps.Tasks.Data;
using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Data;

public sealed class DataRestoreTests
{
    [Test]
    public void Should_Do_Nothing_When_The_Data_Is_Present()
    {
        // Given
        using var temp = new TempDirectory();
        DvcVectors.WriteVectorA(temp, "data");

        // When
        var source = new DataRestore(temp.Path).Restore(new DataSection { Path = "data" });

        // Then
        Assert.That(source, Is.Null);
    }

    [Test]
    public void Should_Check_Out_From_The_Repository_Cache()
    {
        // Given
        using var temp = new TempDirectory();
        DvcVectors.WriteVectorA(temp, "data");
        new DataTracker(temp.Path).Track("data");
        Directory.Delete(temp["data"], recursive: true);

        // When
        var source = new DataRestore(temp.Path).Restore(new DataSection { Path = "data" });

        // Then
        Assert.That(source, Is.EqualTo(".dvc/cache"));
        Assert.That(new DataCheck(temp.Path).Verify("data")!.Md5, Is.EqualTo(DvcVectors.VectorAMd5));
        Assert.That(File.ReadAllText(temp["data/crlf.txt"]), Is.EqualTo("line1\r\nline2\r\n"));
    }

    [Test]
    public void Should_Pull_From_A_Dvc_Remote_Folder()
    {
        // Given: a remote with the same layout as the cache, and a clone with only the pointer.
        using var origin = new TempDirectory();
        DvcVectors.WriteVectorA(origin, "data");
        new DataTracker(origin.Path).Track("data");
        using var clone = new TempDirectory();
        File.Copy(origin["data.dvc"], clone["data.dvc"]);
        var data = new DataSection { Path = "data", Source = new SourceSection { Remote = origin[".dvc/cache"] } };

        // When
        var source = new DataRestore(clone.Path).Restore(data);

        // Then
        Assert.That(source, Is.EqualTo(origin[".dvc/cache"]));
        Assert.That(new DataCheck(clone.Path).Verify("data")!.Md5, Is.EqualTo(DvcVectors.VectorAMd5));
    }

    [Test]
    public void Should_Refuse_A_Damaged_Remote_Object_And_Leave_The_Cache_Untouched()
    {
        // Given: the default remote of .dvc/config holds vector A, with a.txt's object changed.
        using var temp = new TempDirectory();
        DvcVectors.WriteVectorA(temp, "origin/data");
        new DataTracker(temp["origin"]).Track("data");
        foreach (var file in Directory.EnumerateFiles(temp["origin/.dvc/cache"], "*", SearchOption.AllDirectories))
        {
            temp.Write("remote/" + Path.GetRelativePath(temp["origin/.dvc/cache"], file), File.ReadAllBytes(file));
        }

        var damaged = temp.Write("remote/files/md5/b1/946ac92492d2347c6235b4d2611184", "HELLO\n");
        temp.Write("clone/.dvc/config", DvcVectors.DefaultRemoteConfig("shared", "../../remote"));
        File.Copy(temp["origin/data.dvc"], temp["clone/data.dvc"]);

        // When
        var error = Assert.Throws<DataMismatchException>(() => new DataRestore(temp["clone"]).Restore(new DataSection { Path = "data" }));

        // Then
        Assert.That(error.Message, Is.EqualTo(
            $"{damaged}: md5 {ContentHash.Md5Of("HELLO\n"u8)} does not match the md5 it is stored under (b1946ac92492d2347c6235b4d2611184); "
            + "the remote object is damaged and nothing was written to .dvc/cache. Delete it from the remote and push it again from a clone that has the data."));
        Assert.That(Directory.Exists(temp["clone/.dvc/cache"]), Is.False);
        Assert.That(Directory.EnumerateFileSystemEntries(temp["clone/.dvc/tmp"]), Is.Empty);
        Assert.That(Directory.Exists(temp["clone/data"]), Is.False);
    }

    [Test]
    public void Should_Name_The_Remote_Among_The_Sources_Tried()
    {
        // Given: the default remote is an empty folder.
        using var temp = new TempDirectory();
        temp.Write("data.dvc", DvcVectors.VectorAPointer);
        temp.Write(".dvc/config", DvcVectors.DefaultRemoteConfig("shared", "/nonexistent/remote"));

        // When
        var error = Assert.Throws<DataMismatchException>(() => new DataRestore(temp.Path).Restore(new DataSection { Path = "data" }));

        // Then
        Assert.That(error.Message, Is.EqualTo(
            $"data: not found and cannot be restored: no cache or remote holds md5 {DvcVectors.VectorAMd5} (tried .dvc/cache, remote 'shared' (/nonexistent/remote)). " +
            $"Copy the data there, or set data.source (cache, remote or generator) in the pipeline file."));
    }

    [Test]
    public void Should_Check_Out_A_Single_File()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("foo", "foo");
        new DataTracker(temp.Path).Track("foo");
        File.Delete(temp["foo"]);

        // When
        new DataRestore(temp.Path).Restore(new DataSection { Path = "foo" });

        // Then
        Assert.That(File.ReadAllText(temp["foo"]), Is.EqualTo("foo"));
    }

    [Test]
    public void Should_Say_Which_Sources_Were_Tried()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("data.dvc", DvcVectors.VectorAPointer);

        // When
        var error = Assert.Throws<DataMismatchException>(() => new DataRestore(temp.Path).Restore(new DataSection { Path = "data" }));

        // Then
        Assert.That(error.Message, Is.EqualTo(
            $"data: not found and cannot be restored: no cache holds md5 {DvcVectors.VectorAMd5} (tried .dvc/cache). " +
            $"Copy the data there, or set data.source (cache, remote or generator) in the pipeline file."));
    }

    [Test]
    public void Should_Refuse_A_Pointer_Whose_Path_Is_Not_The_Data_Beside_It()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("sets/data.dvc", DvcVectors.VectorAPointer.Replace("path: data", "path: ../../etc", StringComparison.Ordinal));

        // When
        var error = Assert.Throws<InvalidFileException>(() => new DataRestore(temp.Path).Restore(new DataSection { Path = "sets/data" }));

        // Then
        Assert.That(error.Message, Is.EqualTo(
            "sets/data.dvc:6:9: 'path: ../../etc' does not match data.path (sets/data); sets/data.dvc tracks the file or folder beside it, so it must say 'path: data'."));
    }
}
