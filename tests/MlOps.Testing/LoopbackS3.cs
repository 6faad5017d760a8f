using System.Diagnostics;
using System.Globalization;

namespace MlOps.Testing;

/// <summary>
/// s3rver (an npm package that answers S3's REST API from a folder; a stand-in for S3, not a copy of it) as a child process
/// on a free 127.0.0.1 port, with one bucket and its data in a temp folder, so that uploads reach nothing outside the machine.
/// Disposing it kills that process and deletes the folder. The program is MLOPS_S3RVER, else
/// <c>~/.cache/mlops-tools/node_modules/.bin/s3rver</c>; without it the calling test is ignored with the reason, unless
/// MLOPS_REQUIRE_S3=1 (as in CI), which makes that a failure.
/// </summary>
public sealed class LoopbackS3 : IAsyncDisposable
{
    /// <summary>s3rver's fixed credentials (it checks signatures made with them).</summary>
    public const string AccessKey = "S3RVER";

    /// <summary>The secret that goes with <see cref="AccessKey"/>.</summary>
    public const string SecretKey = "S3RVER";

    private readonly ChildServer child;

    private LoopbackS3(ChildServer child, int port, string bucket)
    {
        this.child = child;
        Port = port;
        Bucket = bucket;
    }

    /// <summary>The program the tests run: MLOPS_S3RVER, else the one <c>npm install --prefix ~/.cache/mlops-tools s3rver</c> installs.</summary>
    public static string Program =>
        Environment.GetEnvironmentVariable("MLOPS_S3RVER") is { Length: > 0 } given
            ? given
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "mlops-tools", "node_modules", ".bin", "s3rver");

    public int Port { get; }

    /// <summary>The bucket it was started with (others do not exist).</summary>
    public string Bucket { get; }

    /// <summary>Its S3 endpoint: <c>http://127.0.0.1:port</c>.</summary>
    public string Endpoint => "http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Where it keeps the buckets' content (a folder per bucket).</summary>
    public string DataFolder => child.Folder.Path;

    /// <summary>What it has printed (little: it runs with --silent).</summary>
    public string Output => child.Output;

    /// <summary>The store URL of <paramref name="prefix"/> in the bucket: <c>s3://bucket/prefix</c>.</summary>
    public string Url(string prefix = "") => prefix.Length == 0 ? $"s3://{Bucket}" : $"s3://{Bucket}/{prefix}";

    /// <summary>Starts s3rver with bucket <paramref name="bucket"/> and waits until <c>GET /</c> answers.</summary>
    public static async Task<LoopbackS3> StartAsync(string bucket = "mlops-test")
    {
        var program = Program;
        ChildServer.RequireProgram(program, "MLOPS_REQUIRE_S3", "install it with `npm install --prefix \"$HOME/.cache/mlops-tools\" s3rver@3.7.1` "
            + "or point MLOPS_S3RVER at it, for the S3 store tests.");
        var s3 = new LoopbackS3(new ChildServer(), LoopbackRegistry.FreePort(), bucket);

        // Any answer will do (anonymous, it is 403): the server is listening.
        await s3.child.StartAsync(s3.Serve(program), new Uri(s3.Endpoint + "/"), _ => true, $"{program} on {s3.Endpoint}");
        return s3;
    }

    public ValueTask DisposeAsync() => child.DisposeAsync();

    private ProcessStartInfo Serve(string program)
    {
        var start = new ProcessStartInfo(program);

        // s3rver 3.7 makes list continuation tokens with a cipher OpenSSL 3 (Node ≥ 17) leaves out by default: without the legacy
        // provider, any listing that stops short of the end (a one-key bucket probe, a page of 1,000) answers 500.
        start.Environment["NODE_OPTIONS"] = "--openssl-legacy-provider";
        foreach (var argument in new[] { "--directory", DataFolder, "--address", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture),
                     "--configure-bucket", Bucket, "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
