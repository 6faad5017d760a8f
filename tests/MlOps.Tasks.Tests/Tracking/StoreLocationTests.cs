using MlOps.Tasks.Tracking;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Tracking;

public sealed class StoreLocationTests
{
    [Test]
    public void Should_Take_Store_Before_The_Variable_Before_Mlops()
    {
        // Given
        using var temp = new TempDirectory();

        // When
        var given = StoreLocation.Resolve(temp.Path, "shared/store", "elsewhere");
        var variable = StoreLocation.Resolve(temp.Path, null, "elsewhere");
        var fallback = StoreLocation.Resolve(temp.Path, null, "");

        // Then
        Assert.That((given, variable, fallback), Is.EqualTo((temp["shared/store"], temp["elsewhere"], temp[".mlops"])));
    }

    [Test]
    public void Should_Refuse_A_File_Naming_The_Option()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("notes.txt", "mine\n");

        // When
        var option = Assert.Throws<UsageException>(() => StoreLocation.Resolve(temp.Path, "notes.txt", null));
        var variable = Assert.Throws<UsageException>(() => StoreLocation.Resolve(temp.Path, null, "notes.txt/store"));

        // Then
        Assert.That(option.Message, Is.EqualTo("--store=notes.txt is a file; " +
            "the tracking store is a folder (it holds mlops.db and artifacts/): name a folder, new or existing, or leave --store out for .mlops."));
        Assert.That(variable.Message, Is.EqualTo("MLOPS_STORE=notes.txt/store is below notes.txt, which is a file; " +
            "the tracking store is a folder (it holds mlops.db and artifacts/): " +
            "name a folder, new or existing, or unset MLOPS_STORE for .mlops."));
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Should_Refuse_A_Link_That_Loops_But_Follow_One_To_A_Folder()
    {
        // Given
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp["real"]);
        File.CreateSymbolicLink(temp["loop"], "loop");
        Directory.CreateSymbolicLink(temp["linked"], "real");
        try
        {
            // When
            var error = Assert.Throws<UsageException>(() => StoreLocation.Resolve(temp.Path, "loop", null));
            var linked = StoreLocation.Resolve(temp.Path, "linked", null);

            // Then
            Assert.That(error.Message, Is.EqualTo("--store=loop is a symbolic link that cannot be followed " +
                "(it loops, or its target does not exist); the tracking store is a folder (it holds mlops.db and artifacts/): " +
                "name a folder, new or existing, or leave --store out for .mlops."));
            Assert.That(linked, Is.EqualTo(temp["linked"]));
        }
        finally
        {
            File.Delete(temp["loop"]);
            Directory.Delete(temp["linked"]);
        }
    }
}
