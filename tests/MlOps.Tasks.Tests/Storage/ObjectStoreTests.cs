using System.Security.Cryptography;
using MlOps.Tasks.Storage;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Storage;

// The same behaviour from a folder and from S3 (s3rver on 127.0.0.1).
[TestFixture("folder")]
[TestFixture("s3")]
public sealed class ObjectStoreTests(string kind)
{
    private LoopbackS3? s3;
    private TempDirectory folder = null!;
    private ObjectStore store = null!;

    private static CancellationToken Cancellation => TestContext.CurrentContext.CancellationToken;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        if (kind == "s3")
        {
            s3 = await LoopbackS3.StartAsync();
        }
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        if (s3 is not null)
        {
            await s3.DisposeAsync();
        }
    }

    [SetUp]
    public void OpenStore()
    {
        folder = new TempDirectory();
        // A prefix of its own per test: the tests share the bucket.
        store = s3 is null ? new FolderObjectStore(folder["store"]) : s3.Store("team/" + Guid.NewGuid().ToString("N")[..8]);
    }

    [TearDown]
    public void CloseStore()
    {
        store.Dispose();
        folder.Dispose();
    }

    [Test]
    public async Task Should_Give_Back_The_Content_That_Was_Put()
    {
        // Given
        var (file, sha256) = Write("model.mlbundle", 3000);

        // When
        var uploaded = await store.PutAsync("runs/abc/model.mlbundle", file, sha256, Cancellation);
        var head = await store.HeadAsync("runs/abc/model.mlbundle", Cancellation);
        await store.GetAsync("runs/abc/model.mlbundle", folder["back/model.mlbundle"], sha256, Cancellation);

        // Then
        Assert.That(uploaded, Is.True);
        Assert.That(await store.ExistsAsync("runs/abc/model.mlbundle", Cancellation), Is.True);
        Assert.That(head, Is.EqualTo(new StoredObject("runs/abc/model.mlbundle", 3000, sha256)));
        Assert.That(File.ReadAllBytes(folder["back/model.mlbundle"]), Is.EqualTo(File.ReadAllBytes(file)));
        Assert.That(Directory.GetFiles(folder["back"]), Has.Length.EqualTo(1), "no temporary file is left beside the target");
    }

    [Test]
    public async Task Should_Skip_A_Second_Put_Of_The_Same_Content()
    {
        // Given
        var (file, sha256) = Write("data.csv", 100);
        await store.PutAsync("files/md5/ab/cdef", file, sha256, Cancellation);

        // When
        var again = await store.PutAsync("files/md5/ab/cdef", file, sha256, Cancellation);

        // Then
        Assert.That(again, Is.False);
        Assert.That(await store.ListAsync("", Cancellation), Is.EqualTo(new[] { "files/md5/ab/cdef" }));
    }

    [Test]
    public async Task Should_Refuse_A_Download_Whose_Sha256_Is_Not_The_Expected_One()
    {
        // Given
        var (file, sha256) = Write("model.mlbundle", 500);
        await store.PutAsync("runs/abc/model.mlbundle", file, sha256, Cancellation);
        var expected = new string('0', 64);
        var target = folder["back/model.mlbundle"];

        // When
        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => store.GetAsync("runs/abc/model.mlbundle", target, expected, Cancellation));

        // Then
        Assert.That(refused!.Message, Is.EqualTo(
            $"{store.Describe("runs/abc/model.mlbundle")}: sha256 {sha256} does not match the expected {expected}; {target} was not written."));
        Assert.That(Directory.GetFiles(folder["back"]), Is.Empty, "neither the target nor a temporary file is left");
    }

    [Test]
    public async Task Should_Refuse_To_Upload_A_File_Whose_Sha256_Is_Not_The_Given_One()
    {
        // Given
        var (file, sha256) = Write("model.mlbundle", 10);
        var given = new string('f', 64);

        // When
        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => store.PutAsync("runs/abc/model.mlbundle", file, given, Cancellation));

        // Then
        Assert.That(refused!.Message, Is.EqualTo(
            $"{file}: sha256 {sha256} is not the {given} given for {store.Describe("runs/abc/model.mlbundle")}; nothing was uploaded."));
        Assert.That(await store.ExistsAsync("runs/abc/model.mlbundle", Cancellation), Is.False);
    }

    [Test]
    public async Task Should_List_The_Keys_Under_A_Prefix()
    {
        // Given
        var (file, sha256) = Write("f", 1);
        foreach (var key in new[] { "runs/b/y", "runs/a/x", "runs/a/z/deep", "runsx/a", "models/m" })
        {
            await store.PutAsync(key, file, sha256, Cancellation);
        }

        // When
        var underRuns = await store.ListAsync("runs/", Cancellation);
        var underRunsA = await store.ListAsync("runs/a", Cancellation);
        var none = await store.ListAsync("missing/", Cancellation);

        // Then
        Assert.That(underRuns, Is.EqualTo(new[] { "runs/a/x", "runs/a/z/deep", "runs/b/y" }));
        Assert.That(underRunsA, Is.EqualTo(new[] { "runs/a/x", "runs/a/z/deep" }));
        Assert.That(none, Is.Empty);
    }

    [Test]
    public async Task Should_Say_A_Missing_Key_Is_Not_There()
    {
        // Given
        var target = folder["back/none"];

        // When
        var exists = await store.ExistsAsync("runs/none", Cancellation);
        var missing = await Assert.ThrowsAsync<FileNotFoundException>(() => store.GetAsync("runs/none", target, null, Cancellation));

        // Then
        Assert.That(exists, Is.False);
        Assert.That(missing!.Message, Is.EqualTo($"{store.Describe("runs/none")} does not exist."));
        Assert.That(File.Exists(target), Is.False);
    }

    [TestCase("")]
    [TestCase("/runs/a")]
    [TestCase("runs//a")]
    [TestCase("runs/../a")]
    [TestCase("runs\\a")]
    public async Task Should_Refuse_A_Key_That_Is_Not_A_Relative_Path(string key)
    {
        // Given
        var (file, sha256) = Write("f", 1);

        // When
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, file, sha256, Cancellation));

        // Then
        Assert.That(refused!.Message, Does.StartWith($"'{key}' is not an object key"));
    }

    [TestCase("../")]
    [TestCase("runs/../..")]
    [TestCase("/etc")]
    public async Task Should_Refuse_A_Prefix_That_Leads_Outside_The_Store(string prefix)
    {
        // When
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.ListAsync(prefix, Cancellation));

        // Then
        Assert.That(refused!.Message, Does.StartWith($"'{prefix}' is not a key prefix"));
    }

    private (string File, string Sha256) Write(string name, int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return (folder.Write("local/" + name, bytes), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
