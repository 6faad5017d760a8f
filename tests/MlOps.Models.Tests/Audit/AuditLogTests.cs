using System.Security.Cryptography;
using System.Text;
using MlOps.Models.Audit;
using MlOps.Testing;

namespace MlOps.Models.Tests.Audit;

public sealed partial class AuditLogTests
{
    private static readonly string Zeros = new('0', 64);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public sealed class Format
    {
        [Test]
        public async Task Should_Write_One_Line_Per_Record_Whose_Hash_Covers_The_Line_Without_It()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["audit/predictions.jsonl"];
            var b = new string('b', 64);
            var a = new string('a', 64);
            var first = "{\"seq\":1,\"time\":\"2026-11-26T13:58:01.1230000+00:00\",\"request_id\":\"req-0001\",\"model\":\"credit-scoring\",\"version\":\"3\","
                + $"\"bundle_sha256\":\"{b}\",\"user\":null,\"input_sha256\":\"{a}\",\"rows\":2,\"scores\":[0.01,0.9],\"threshold\":0.5,\"latency_ms\":1.234,"
                + $"\"prev\":\"{Zeros}\"}}";
            var firstHash = Sha256(first);
            var second = "{\"seq\":2,\"time\":\"2026-11-26T13:58:02.1230000+00:00\",\"request_id\":\"req-0002\",\"model\":\"credit-scoring\",\"version\":\"3\","
                + $"\"bundle_sha256\":\"{b}\",\"user\":\"alice\",\"input_sha256\":\"{a}\",\"rows\":2,\"scores\":[0.02,0.9],\"threshold\":0.5,\"latency_ms\":1.234,"
                + $"\"prev\":\"{firstHash}\"}}";

            // When
            await AuditSamples.WriteAsync(path, 2);

            // Then
            Assert.That(File.ReadAllText(path), Is.EqualTo(
                $"{first[..^1]},\"hash\":\"{firstHash}\"}}\n{second[..^1]},\"hash\":\"{Sha256(second)}\"}}\n"));
        }

        [Test]
        public async Task Should_Write_The_Inputs_Raw_On_The_Same_Line_When_Given()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["predictions.jsonl"];
            var entry = AuditSamples.Entry(1) with { Inputs = "{\"age\": 42,\n \"purpose\": \"café <car>\"}\n" };

            // When
            await using (var log = AuditLog.Open(new AuditLogOptions { Path = path }))
            {
                await log.AppendAsync(entry);
            }

            // Then
            var lines = AuditSamples.Lines(path);
            Assert.That(lines, Has.Count.EqualTo(1));
            Assert.That(lines[0], Does.Contain("\"latency_ms\":1.234,\"inputs\":{\"age\": 42,  \"purpose\": \"café <car>\"},\"prev\":"));
            Assert.That(AuditLogVerifier.Verify(path).IsIntact, Is.True);
        }

        [Test]
        public async Task Should_Verify_Inputs_Nested_As_Deep_As_The_Writer_Allows()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["predictions.jsonl"];
            var deep = string.Concat(Enumerable.Repeat("{\"a\":", 64)) + "1" + new string('}', 64);

            // When
            await using (var log = AuditLog.Open(new AuditLogOptions { Path = path }))
            {
                await log.AppendAsync(AuditSamples.Entry(1) with { Inputs = deep });
            }

            // Then
            Assert.That(AuditLogVerifier.Verify(path).IsIntact, Is.True);
        }

        [Test]
        public async Task Should_Refuse_A_Score_That_Is_Not_A_Finite_Number()
        {
            // Given
            using var temp = new TempDirectory();
            await using var log = AuditLog.Open(new AuditLogOptions { Path = temp["predictions.jsonl"] });

            // When
            var error = (await Assert.ThrowsAsync<ArgumentException>(async () => await log.AppendAsync(AuditSamples.Entry(1) with { Scores = [0.5, double.NaN] })))!;

            // Then
            Assert.That(error.Message, Is.EqualTo("Scores[1] is NaN; an audit record holds finite numbers only."));
        }

        [TestCase("[1, 2]", "Inputs must be one serialized JSON object, e.g. {\"age\":42}.")]
        [TestCase("{\"age\": 42", "Inputs must be one serialized JSON object: '2' is an invalid end of a number. Expected a delimiter.")]
        public async Task Should_Refuse_Inputs_That_Are_Not_One_Json_Object(string inputs, string message)
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["predictions.jsonl"];
            var log = AuditLog.Open(new AuditLogOptions { Path = path });

            // When
            var error = (await Assert.ThrowsAsync<ArgumentException>(async () => await log.AppendAsync(AuditSamples.Entry(1) with { Inputs = inputs })))!;
            await log.DisposeAsync();

            // Then: System.Text.Json says where the JSON breaks, and nothing was queued.
            Assert.That(error.Message, Does.StartWith(message));
            Assert.That(new FileInfo(path).Length, Is.Zero);
        }
    }

    public sealed class AppendAsync
    {
        [Test]
        public async Task Should_Chain_Every_Record_To_The_One_Before()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["audit/predictions.jsonl"];

            // When
            await AuditSamples.WriteAsync(path, 250);

            // Then
            var lines = AuditSamples.Lines(path);
            var verification = AuditLogVerifier.Verify(path);
            Assert.Multiple(() =>
            {
                Assert.That(lines, Has.Count.EqualTo(250));
                Assert.That(lines[0], Does.Contain($"\"prev\":\"{Zeros}\""));
                Assert.That(lines[137], Does.StartWith("{\"seq\":138,").And.Contain($"\"prev\":\"{AuditSamples.HashOf(lines[136])}\""));
                Assert.That(verification.IsIntact, Is.True);
                Assert.That(verification.Records, Is.EqualTo(250));
                Assert.That(verification.Files, Is.EqualTo(new[] { path }));
                Assert.That(verification.LastHash, Is.EqualTo(AuditSamples.HashOf(lines[^1])));
            });
        }

        [Test]
        public async Task Should_Complete_Only_Once_The_Record_Is_In_The_File()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["predictions.jsonl"];
            await using var log = AuditLog.Open(new AuditLogOptions { Path = path });

            // When: each append is awaited, and the file read at once, while the log is still open
            var seen = new List<int>();
            for (var i = 1; i <= 200; i++)
            {
                await log.AppendAsync(AuditSamples.Entry(i));
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                seen.Add(new StreamReader(file).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            }

            // Then: a killed process could not have lost an append that had completed
            Assert.That(seen, Is.EqualTo(Enumerable.Range(1, 200)));
        }

        [Test]
        public async Task Should_Number_Appends_From_Many_Tasks_Without_A_Gap()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["predictions.jsonl"];
            var log = AuditLog.Open(new AuditLogOptions { Path = path, Capacity = 16 });

            // When
            await Task.WhenAll(Enumerable.Range(0, 32).Select(task => Task.Run(async () =>
            {
                for (var i = 0; i < 100; i++)
                {
                    await log.AppendAsync(AuditSamples.Entry((task * 100) + i));
                }
            })));
            await log.DisposeAsync();

            // Then
            var lines = AuditSamples.Lines(path);
            var seqs = lines.Select(l => long.Parse(l["{\"seq\":".Length..l.IndexOf(',', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture));
            var requests = lines.Select(l => l[(l.IndexOf("req-", StringComparison.Ordinal) + 4)..][..4]).Distinct();
            Assert.Multiple(() =>
            {
                Assert.That(seqs, Is.EqualTo(Enumerable.Range(1, 3200).Select(i => (long)i)));
                Assert.That(requests.Count(), Is.EqualTo(3200), "every request is logged once");
                Assert.That(AuditLogVerifier.Verify(path).IsIntact, Is.True);
            });
        }

        [Test]
        public async Task Should_Throw_An_IOException_Once_The_Writer_Has_Failed()
        {
            // Given: the name the active file would be rotated to is taken by a folder, so rotation fails.
            using var temp = new TempDirectory();
            var path = temp["predictions.jsonl"];
            Directory.CreateDirectory(temp["predictions.000000000001.jsonl"]);
            var log = AuditLog.Open(new AuditLogOptions { Path = path, MaxBytes = 1 });
            await log.AppendAsync(AuditSamples.Entry(1));

            // When: record 2 would go to a new file, which cannot be made
            var error = (await Assert.ThrowsAsync<IOException>(async () => await log.AppendAsync(AuditSamples.Entry(2))))!;
            var later = (await Assert.ThrowsAsync<IOException>(async () => await log.AppendAsync(AuditSamples.Entry(3))))!;
            var disposing = (await Assert.ThrowsAsync<IOException>(async () => await log.DisposeAsync()))!;

            // Then
            var expected = $"The audit log {path} stopped after record 1 ({error.InnerException!.Message.TrimEnd('.')}); records after it are not logged.";
            Assert.Multiple(() =>
            {
                Assert.That(error.Message, Is.EqualTo(expected));
                Assert.That(later.Message, Is.EqualTo(expected));
                Assert.That(disposing.Message, Is.EqualTo(expected));
                Assert.That(AuditSamples.Lines(path), Has.Count.EqualTo(1));
            });
        }
    }

    public sealed class DisposeAsync
    {
        [Test]
        public async Task Should_Write_Every_Queued_Record_Before_Returning()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["predictions.jsonl"];
            var log = AuditLog.Open(new AuditLogOptions { Path = path });
            for (var i = 1; i <= 5000; i++)
            {
                await log.AppendAsync(AuditSamples.Entry(i));
            }

            // When
            await log.DisposeAsync();

            // Then
            var verification = AuditLogVerifier.Verify(path);
            Assert.That(verification.Records, Is.EqualTo(5000));
            Assert.That(verification.IsIntact, Is.True);
        }

        [Test]
        public async Task Should_Refuse_Appends_Afterwards()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp["predictions.jsonl"];
            var log = AuditLog.Open(new AuditLogOptions { Path = path });
            await log.DisposeAsync();

            // When
            var error = (await Assert.ThrowsAsync<ObjectDisposedException>(async () => await log.AppendAsync(AuditSamples.Entry(1))))!;

            // Then
            Assert.That(error.Message, Is.EqualTo($"The audit log {path} is closed.\nObject name: 'AuditLog'."));
        }
    }
}
