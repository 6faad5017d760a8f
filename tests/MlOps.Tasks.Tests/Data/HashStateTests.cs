using MlOps.Tasks.Data;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Data;

public sealed class HashStateTests
{
    private static void Age(TempDirectory temp, string relative) =>
        File.SetLastWriteTimeUtc(temp[relative], DateTime.UtcNow.AddHours(-1));

    /// <summary>Hashes <paramref name="relative"/> with the repository's state and saves what was learnt.</summary>
    private static void HashAndSave(TempDirectory temp, string relative)
    {
        var state = HashState.Open(temp.Path);
        ContentHash.Of(temp[relative], state: state);
        state.Save();
    }

    [Test]
    public void Should_Reuse_The_Md5_Of_Files_Whose_Size_And_Time_Are_Unchanged()
    {
        // Given
        using var temp = new TempDirectory();
        DvcVectors.WriteVectorA(temp, "data");
        Age(temp, "data/a.txt");
        Age(temp, "data/crlf.txt");
        Age(temp, "data/sub/b.txt");
        HashAndSave(temp, "data");

        // When
        var second = HashState.Open(temp.Path);
        var content = ContentHash.Of(temp["data"], state: second);

        // Then
        Assert.That(second.Reused, Is.EqualTo(3));
        Assert.That(content.Md5, Is.EqualTo(DvcVectors.VectorAMd5));
    }

    [Test]
    public void Should_Forget_Everything_When_Asked_To()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("f", "foo");
        Age(temp, "f");
        HashAndSave(temp, "f");

        // When
        var forced = HashState.Open(temp.Path, forget: true);
        ContentHash.Of(temp["f"], state: forced);

        // Then
        Assert.That(forced.Reused, Is.Zero);
    }

    [Test]
    public void Should_Hash_Again_A_File_Whose_Time_Changed()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("f", "foo");
        Age(temp, "f");
        HashAndSave(temp, "f");
        temp.Write("f", "bar");
        Age(temp, "f");
        File.SetLastWriteTimeUtc(temp["f"], File.GetLastWriteTimeUtc(temp["f"]).AddSeconds(1));

        // When
        var again = HashState.Open(temp.Path);
        var content = ContentHash.Of(temp["f"], state: again);

        // Then
        Assert.That(again.Reused, Is.Zero);
        Assert.That(content.Md5, Is.EqualTo("37b51d194a7513e45b56f6524f2d51f2"));
    }

    [Test]
    public void Should_Not_Remember_A_File_Changed_Just_Now()
    {
        // Given: a file written this instant could be written again within the same clock tick.
        using var temp = new TempDirectory();
        temp.Write("f", "foo");
        HashAndSave(temp, "f");

        // When
        var again = HashState.Open(temp.Path);
        ContentHash.Of(temp["f"], state: again);

        // Then
        Assert.That(again.Reused, Is.Zero);
    }

    [Test]
    public void Should_Start_Afresh_From_A_Damaged_State()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write(".dvc/tmp/md5s.json", "{ not json");
        temp.Write("f", "foo");

        // When
        var content = ContentHash.Of(temp["f"], state: HashState.Open(temp.Path));

        // Then
        Assert.That(content.Md5, Is.EqualTo("acbd18db4cc2f85cedef654fccc4a4d8"));
    }
}
