using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Amazon.Runtime;
using MlOps.Tasks.Storage;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Storage;

public sealed class S3ObjectStoreTests
{
    private static CancellationToken Cancellation => TestContext.CurrentContext.CancellationToken;

    private static (string File, string Sha256) Write(TempDirectory folder, string text) =>
        (folder.Write("local/file", text), Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))));

    public class Prefix
    {
        [Test]
        public async Task Should_Keep_Keys_Below_The_Prefix_Of_The_Url()
        {
            // Given
            await using var s3 = await LoopbackS3.StartAsync();
            using var folder = new TempDirectory();
            var (file, sha256) = Write(folder, "model");
            using var team = s3.Store("team/a/");
            using var bucket = s3.Store();

            // When
            await team.PutAsync("runs/abc/model.mlbundle", file, sha256, Cancellation);

            // Then
            Assert.That(team.Display, Is.EqualTo($"s3://{s3.Bucket}/team/a"));
            Assert.That(await bucket.ListAsync("", Cancellation), Is.EqualTo(new[] { "team/a/runs/abc/model.mlbundle" }));
            Assert.That(await team.ListAsync("", Cancellation), Is.EqualTo(new[] { "runs/abc/model.mlbundle" }));
            Assert.That((await bucket.HeadAsync("team/a/runs/abc/model.mlbundle", Cancellation))?.Sha256, Is.EqualTo(sha256));
        }
    }

    public class Unavailable
    {
        [Test]
        public async Task Should_Name_A_Bucket_That_Does_Not_Exist()
        {
            // Given
            await using var s3 = await LoopbackS3.StartAsync();
            using var store = new S3ObjectStore("s3://no-such-bucket/team", new S3StoreOptions(s3.Endpoint, Credentials: LoopbackS3Extensions.Credentials));

            // When
            var failed = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ExistsAsync("runs/abc/model.mlbundle", Cancellation));

            // Then
            Assert.That(failed!.Message, Is.EqualTo("Cannot reach s3://no-such-bucket/team while looking up runs/abc/model.mlbundle: bucket no-such-bucket does not exist"));
            Assert.That(failed!.Place, Is.EqualTo("s3://no-such-bucket/team"));
        }

        [Test]
        public async Task Should_Name_The_Credentials_When_Access_Is_Denied()
        {
            // Given
            await using var s3 = await LoopbackS3.StartAsync();
            using var folder = new TempDirectory();
            var (file, sha256) = Write(folder, "model");
            // s3rver checks the access key but not SigV4 signatures, so a wrong secret would pass.
            var wrong = new BasicAWSCredentials("NOT-S3RVER", "not-the-secret");
            using var store = new S3ObjectStore(s3.Url("team"), new S3StoreOptions(s3.Endpoint, Credentials: wrong));

            // When
            var failed = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.PutAsync("runs/abc/model.mlbundle", file, sha256, Cancellation));

            // Then
            Assert.That(failed!.Message, Is.EqualTo(
                $"Cannot reach s3://{s3.Bucket}/team while looking up runs/abc/model.mlbundle: access denied (403 Forbidden); check the credentials given to the store"));
            Assert.That(failed!.Message, Does.Not.Contain("not-the-secret"));
        }

        [Test]
        public async Task Should_Fail_Within_Seconds_When_Nothing_Listens_At_The_Endpoint()
        {
            // Given
            var endpoint = "http://127.0.0.1:" + LoopbackRegistry.FreePort();
            using var folder = new TempDirectory();
            var (file, sha256) = Write(folder, "model");
            using var store = new S3ObjectStore("s3://bucket/team", new S3StoreOptions(endpoint, Credentials: LoopbackS3Extensions.Credentials));
            var clock = Stopwatch.StartNew();

            // When
            var failed = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.PutAsync("runs/abc/model.mlbundle", file, sha256, Cancellation));

            // Then
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30) * TestTimeLimits.Scale));
            Assert.That(failed!.Message, Does.StartWith("Cannot reach s3://bucket/team while looking up runs/abc/model.mlbundle: "));
            Assert.That(failed!.Message, Does.EndWith($"(endpoint {endpoint})"));
            TestContext.Out.WriteLine($"{failed!.Message} after {clock.Elapsed.TotalSeconds:0.0} s");
        }
    }

    public class Unanswered
    {
        [Test]
        [Category("Slow")]
        public async Task Should_Give_Up_Within_The_Answer_Limit_When_The_Endpoint_Accepts_But_Never_Answers()
        {
            // Given: a listener that never accepts; the kernel completes the connections, nothing answers them.
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var endpoint = "http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port;
            using var store = new S3ObjectStore("s3://bucket/team", new S3StoreOptions(endpoint, Credentials: LoopbackS3Extensions.Credentials));
            var clock = Stopwatch.StartNew();

            // When
            var failed = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ExistsAsync("runs/abc/model.mlbundle", Cancellation));

            // Then
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60) * TestTimeLimits.Scale));
            Assert.That(failed!.Message, Is.EqualTo($"Cannot reach s3://bucket/team while looking up runs/abc/model.mlbundle: no answer within 30 s (endpoint {endpoint})"));
        }
    }

    public class ResolveEndpoint
    {
        [TestCase("http://given:1", "http://s3:2", "http://all:3", "http://given:1/")]
        [TestCase(null, "http://s3:2", "http://all:3", "http://s3:2/")]
        [TestCase(null, "", "http://all:3", "http://all:3/")]
        [TestCase(null, null, null, null)]
        public void Should_Take_The_Argument_Then_The_S3_Variable_Then_The_General_One(string? given, string? s3, string? all, string? expected)
        {
            // Given
            var environment = new Dictionary<string, string?> { ["AWS_ENDPOINT_URL_S3"] = s3, ["AWS_ENDPOINT_URL"] = all };

            // When
            var endpoint = S3ObjectStore.ResolveEndpoint(given, name => environment.GetValueOrDefault(name));

            // Then
            Assert.That(endpoint?.ToString(), Is.EqualTo(expected));
        }

        [Test]
        public void Should_Refuse_An_Endpoint_That_Is_Not_An_Http_Url()
        {
            // Given
            var environment = new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = "127.0.0.1:9000" };

            // When
            var refused = Assert.Throws<UsageException>(() => S3ObjectStore.ResolveEndpoint(null, name => environment.GetValueOrDefault(name)));

            // Then
            Assert.That(refused!.Message, Is.EqualTo(
                "AWS_ENDPOINT_URL '127.0.0.1:9000' is not an http:// or https:// URL without credentials, such as http://127.0.0.1:9000."));
        }
    }
}
