using Microsoft.Extensions.Configuration;
using MlOps.Serving.Audit;
using MlOps.Testing;

namespace MlOps.Serving.Tests;

/// <summary>The server refuses to start on a bundle or key that does not verify, or on a bad setting, and says why.</summary>
public sealed class StartupTests
{
    private static ServingOptions Options(string bundle, string key) => new() { Bundle = bundle, PublicKey = key };

    private static ServingOptions Read(params (string Name, string Value)[] settings) =>
        ServingOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Name, (string?)s.Value))).Build());

    [Test]
    public void Should_Refuse_A_Bundle_Signed_By_Another_Key()
    {
        // When
        var error = Assert.Throws<StartupException>(() => ServedModel.Load(Options(TestModel.Bundle, TestModel.OtherPublicKey)));

        // Then
        Assert.That(error.Message, Does.StartWith($"Refusing to serve: {TestModel.Bundle}: "));
        Assert.That(error.Message, Does.Contain(": signed by key ").And.EndWith("pass the public key that signed it, or sign the bundle with the trusted key"));
    }

    [Test]
    public void Should_Refuse_A_Tampered_Bundle()
    {
        // Given
        using var temp = new TempDirectory();
        var bytes = File.ReadAllBytes(TestModel.Bundle);
        bytes[bytes.Length / 2] ^= 0x40;
        var bundle = temp.Write("model.mlbundle", bytes);

        // When
        var error = Assert.Throws<StartupException>(() => ServedModel.Load(Options(bundle, TestModel.PublicKey)));

        // Then
        Assert.That(error.Message, Does.StartWith($"Refusing to serve: {bundle}: "));
    }

    [Test]
    public void Should_Refuse_A_Bundle_Whose_Schema_Does_Not_Fit_Its_Model()
    {
        // When
        var error = Assert.Throws<StartupException>(() => ServedModel.Load(Options(TestModel.MismatchedBundle, TestModel.PublicKey)));

        // Then
        Assert.That(error.Message, Does.StartWith($"Refusing to serve: {TestModel.MismatchedBundle}: its schema does not fit its model (")
            .And.Contain("income").And.EndWith("); train again to rebuild the bundle."));
    }

    [Test]
    public void Should_Name_A_Missing_Key_File()
    {
        // When
        var error = Assert.Throws<StartupException>(() => ServedModel.Load(Options(TestModel.Bundle, "/nowhere/key.pem")));

        // Then
        Assert.That(error.Message, Is.EqualTo("Refusing to serve: cannot read the public key /nowhere/key.pem (MLOPS_PUBLIC_KEY): "
            + "Could not find a part of the path '/nowhere/key.pem'."));
    }

    [Test]
    public void Should_Name_A_Key_File_That_Holds_No_Key()
    {
        // Given
        using var temp = new TempDirectory();
        var key = temp.Write("key.pem", "not a key");

        // When
        var error = Assert.Throws<StartupException>(() => ServedModel.Load(Options(TestModel.Bundle, key)));

        // Then
        Assert.That(error.Message, Does.StartWith($"Refusing to serve: {key} (MLOPS_PUBLIC_KEY) is not a usable public key: "));
    }

    [Test]
    public async Task Should_Refuse_An_Audit_Log_Another_Server_Writes()
    {
        // Given
        using var temp = new TempDirectory();
        var log = temp["audit/predictions.jsonl"];
        var options = Options(TestModel.Bundle, TestModel.PublicKey) with { AuditLog = log };
        var model = ServedModel.Load(options);
        await using var first = PredictionAudit.Open(model, options);

        // When
        var error = Assert.Throws<StartupException>(() => PredictionAudit.Open(model, options));

        // Then
        Assert.That(error.Message, Is.EqualTo(
            $"Refusing to serve without the audit log {log} (MLOPS_AUDIT_LOG): The audit log {log} is in use by another writer (it holds {log}.lock); "
            + "stop that server, or give this one another log."));
    }

    [Test]
    public void Should_Refuse_An_Audit_Log_It_Cannot_Continue()
    {
        // Given
        using var temp = new TempDirectory();
        var log = temp.Write("audit/predictions.jsonl", "not an audit record\n");
        var options = Options(TestModel.Bundle, TestModel.PublicKey) with { AuditLog = log };

        // When
        var error = Assert.Throws<StartupException>(() => PredictionAudit.Open(ServedModel.Load(options), options));

        // Then
        Assert.That(error.Message, Does.StartWith($"Refusing to serve without the audit log {log} (MLOPS_AUDIT_LOG): {log}: the audit log cannot be continued"));
    }

    [Test]
    public async Task Should_Exit_2_With_One_Error_Line_When_The_Port_Is_Taken()
    {
        // Given
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        // When
        var (code, _, error) = await ServerProcess.RunAsync(TestModel.PublicKey, $"--port={port}");

        // Then
        Assert.That(code, Is.EqualTo(2), error);
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.StartWith("Error: Failed to bind to address http://127.0.0.1:" + port).And.Contain("Pass another port with --port=<n> (or MLOPS_PORT)."));
    }

    [Test]
    public async Task Should_Exit_2_Saying_What_To_Mount_When_The_Temporary_Folder_Cannot_Be_Written()
    {
        // Given: a temporary folder that cannot be made, as /tmp of `docker run --read-only` without a tmpfs
        using var temp = new TempDirectory();
        var unwritable = Path.Combine(temp.Write("file", "not a folder"), "tmp") + "/";

        // When
        var (code, _, error) = await ServerProcess.RunAsync(TestModel.PublicKey, environment: new Dictionary<string, string> { ["TMPDIR"] = unwritable });

        // Then
        Assert.That(code, Is.EqualTo(2), error);
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), error);
        Assert.That(error, Does.StartWith($"Error: Refusing to serve: ML.NET unpacks the model into the temporary folder {unwritable}, which cannot be written (")
            .And.EndWith("). In a container run with --read-only, mount a tmpfs there (docker run --read-only --tmpfs /tmp <image>); "
                + "elsewhere set TMPDIR to a writable folder.\n"));
    }

    [Test]
    public async Task Should_Share_Its_Port_With_A_Replacement_And_Answer_Alone_On_Its_Check_Port()
    {
        // Given: a server that lets another bind its port, as a deployment starts it
        var (port, oldCheck, newCheck) = (FreePort(), FreePort(), FreePort());
        await using var running = await ServerProcess.StartAsync(TestModel.PublicKey, $"--port={port}", "--reuse_port=true", $"--check_port={oldCheck}");

        // When: its replacement starts on the same port
        await using var replacement = await ServerProcess.StartAsync(TestModel.PublicKey, $"--port={port}", "--reuse_port=true", $"--check_port={newCheck}");

        // Then: both started, and each answers on the port only it has
        using var http = new HttpClient();
        foreach (var check in new[] { oldCheck, newCheck, port })
        {
            using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{check}/health"));
            Assert.That(health.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), $"port {check}");
        }
    }

    [Test]
    public void Should_Ask_For_The_Bundle()
    {
        // When
        var error = Assert.Throws<StartupException>(() => Read(("public_key", "k.pem")));

        // Then
        Assert.That(error.Message, Is.EqualTo("MLOPS_BUNDLE is not set: it names the model bundle to serve, e.g. artifacts/credit-scoring/model.mlbundle. "
            + "Set it, or pass --bundle=<path>."));
    }

    [TestCase("PORT", "80a", "MLOPS_PORT is '80a'; expected a port number from 0 to 65535.")]
    [TestCase("PORT", "70000", "MLOPS_PORT is '70000'; expected a port number from 0 to 65535.")]
    [TestCase("BIND", "localhost", "MLOPS_BIND is 'localhost'; expected an IP address such as 127.0.0.1.")]
    [TestCase("MAX_BODY_BYTES", "0", "MLOPS_MAX_BODY_BYTES is '0'; expected a number of bytes from 1 to 1073741824 (1 GiB).")]
    [TestCase("REUSE_PORT", "yes", "MLOPS_REUSE_PORT is 'yes'; expected true or false.")]
    [TestCase("CHECK_PORT", "0", "MLOPS_CHECK_PORT is '0'; expected a port number from 1 to 65535.")]
    [TestCase("AUDIT_INPUTS", "sometimes", "MLOPS_AUDIT_INPUTS is 'sometimes'; expected true or false.")]
    public void Should_Name_A_Malformed_Setting(string name, string value, string message)
    {
        // When
        var error = Assert.Throws<StartupException>(() => Read(("bundle", "m.mlbundle"), ("public_key", "k.pem"), (name, value)));

        // Then
        Assert.That(error.Message, Is.EqualTo(message));
    }

    [Test]
    public void Should_Default_To_Loopback_On_5080()
    {
        // When
        var options = Read(("bundle", "m.mlbundle"), ("public_key", "k.pem"));

        // Then
        Assert.That(options.Bind.ToString(), Is.EqualTo("127.0.0.1"));
        Assert.That(options.Port, Is.EqualTo(5080));
        Assert.That(options.AuditLog, Is.Null);
        Assert.That(options.ApiKey, Is.Null);
        Assert.That(options.ReusePort, Is.False);
        Assert.That(options.CheckPort, Is.Null);
        Assert.That(options.Deployment, Is.Null);
        Assert.That(options.ImageDigest, Is.Null);
    }

    [Test]
    public async Task Should_Exit_2_With_One_Error_Line_When_The_Signature_Fails()
    {
        // When
        var (code, _, error) = await ServerProcess.RunAsync(TestModel.OtherPublicKey);

        // Then
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.StartWith($"Error: Refusing to serve: {TestModel.Bundle}: "));
    }

    [Test]
    public async Task Should_Serve_Over_Http_On_Loopback()
    {
        // Given
        await using var process = await ServerProcess.StartAsync(TestModel.PublicKey);
        using var client = new HttpClient { BaseAddress = process.Address };

        // When
        var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var scored = await client.PostAsync(new Uri("/invocations", UriKind.Relative),
            new StringContent($$"""{"dataframe_records": [{{TestModel.Record(0)}}]}""", System.Text.Encoding.UTF8, "application/json"));

        // Then
        Assert.That(process.Address.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(health.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        Assert.That(await ScoringServer.ScoresAsync(scored), Has.Length.EqualTo(1));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
