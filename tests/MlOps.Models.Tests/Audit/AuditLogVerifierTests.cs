using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using MlOps.Models.Audit;
using MlOps.Testing;

namespace MlOps.Models.Tests.Audit;

/// <summary>Every kind of tampering is found, at the file and line where the chain first breaks, in words a person can act on.</summary>
public sealed class AuditLogVerifierTests
{
    private const string Unlinked = "is not linked to the record before it (its prev is not that record's hash): a record was removed, inserted or reordered";

    private static async Task<string> TenRecords(TempDirectory temp)
    {
        var path = temp["audit/predictions.jsonl"];
        await AuditSamples.WriteAsync(path, 10);
        return path;
    }

    private static AuditBreak Only(AuditVerification verification)
    {
        Assert.That(verification.Breaks, Has.Count.EqualTo(1));
        return verification.FirstBreak!;
    }

    [Test]
    public async Task Should_Report_An_Intact_Chain_With_Its_Records_And_Last_Hash()
    {
        // Given
        using var temp = new TempDirectory();
        var path = await TenRecords(temp);

        // When
        var verification = AuditLogVerifier.Verify(path);

        // Then
        Assert.Multiple(() =>
        {
            Assert.That(verification.IsIntact, Is.True);
            Assert.That(verification.FirstBreak, Is.Null);
            Assert.That(verification.Records, Is.EqualTo(10));
            Assert.That(verification.Files, Is.EqualTo(new[] { path }));
            Assert.That(verification.LastHash, Is.EqualTo(AuditSamples.HashOf(AuditSamples.Lines(path)[^1])));
        });
    }

    [Test]
    public async Task Should_Report_A_Record_Whose_Score_Was_Edited()
    {
        // Given
        using var temp = new TempDirectory();
        var path = await TenRecords(temp);
        var hash3 = AuditSamples.HashOf(AuditSamples.Lines(path)[2]);
        AuditSamples.Rewrite(path, lines => lines[3] = lines[3].Replace("\"scores\":[0.04,", "\"scores\":[0.4,", StringComparison.Ordinal));

        // When
        var verification = AuditLogVerifier.Verify(path);

        // Then
        var first = Only(verification);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new AuditBreak(path, 4, AuditBreakKind.Edited, "record 4 was edited: its hash does not match its contents")));
            Assert.That(first.Message, Is.EqualTo($"{path}:4: record 4 was edited: its hash does not match its contents."));
            Assert.That(verification.Records, Is.EqualTo(3));
            Assert.That(verification.LastHash, Is.EqualTo(hash3));
        });
    }

    [Test]
    public async Task Should_Report_The_Line_Where_A_Record_Was_Deleted()
    {
        // Given
        using var temp = new TempDirectory();
        var path = await TenRecords(temp);
        AuditSamples.Rewrite(path, lines => lines.RemoveAt(3));

        // When
        var first = Only(AuditLogVerifier.Verify(path));

        // Then
        Assert.That(first, Is.EqualTo(new AuditBreak(path, 4, AuditBreakKind.Unlinked, $"record 5 {Unlinked}")));
        Assert.That(first.Message, Is.EqualTo($"{path}:4: record 5 {Unlinked}."));
    }

    private static IEnumerable<TestCaseData> MovedRecords()
    {
        yield return new TestCaseData((Action<List<string>>)(lines => (lines[3], lines[4]) = (lines[4], lines[3])), 4, 5)
            .SetName("Should_Report_The_First_Of_Two_Swapped_Records");
        yield return new TestCaseData((Action<List<string>>)(lines => lines.Insert(6, lines[1])), 7, 2)
            .SetName("Should_Report_A_Copied_Record_Inserted_Later");
    }

    [TestCaseSource(nameof(MovedRecords))]
    public async Task Should_Report_The_First_Record_Out_Of_Its_Place(Action<List<string>> move, int line, int record)
    {
        // Given
        using var temp = new TempDirectory();
        var path = await TenRecords(temp);
        AuditSamples.Rewrite(path, move);

        // When
        var first = Only(AuditLogVerifier.Verify(path));

        // Then
        Assert.That(first, Is.EqualTo(new AuditBreak(path, line, AuditBreakKind.Unlinked, $"record {record} {Unlinked}")));
    }

    [Test]
    public async Task Should_Report_A_Last_Line_Cut_Short()
    {
        // Given
        using var temp = new TempDirectory();
        var path = await TenRecords(temp);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^40]);

        // When
        var verification = AuditLogVerifier.Verify(path);

        // Then
        var first = Only(verification);
        Assert.That(first.Message, Is.EqualTo($"{path}:10: the last line is incomplete (no newline ends it): the server stopped while writing it."));
        Assert.That(first.Kind, Is.EqualTo(AuditBreakKind.Incomplete));
        Assert.That(verification.Records, Is.EqualTo(9));
    }

    [Test]
    public async Task Should_Report_A_Line_That_Is_Not_A_Record()
    {
        // Given
        using var temp = new TempDirectory();
        var path = await TenRecords(temp);
        AuditSamples.Rewrite(path, lines => lines.Insert(4, "{\"note\":\"hello\"}"));

        // When
        var first = Only(AuditLogVerifier.Verify(path));

        // Then
        Assert.That(first, Is.EqualTo(new AuditBreak(path, 5, AuditBreakKind.NotARecord,
            "this line is not an audit record (one JSON object with seq, prev and hash): it was damaged or written by another program")));
    }

    [Test]
    public async Task Should_Report_A_Record_That_Is_No_Longer_Json()
    {
        // Given
        using var temp = new TempDirectory();
        var path = await TenRecords(temp);
        AuditSamples.Rewrite(path, lines => lines[7] = lines[7].Replace("\"model\":", "\"model\"", StringComparison.Ordinal));

        // When
        var first = Only(AuditLogVerifier.Verify(path));

        // Then
        Assert.That((first.Line, first.Kind), Is.EqualTo((8L, AuditBreakKind.NotARecord)));
    }

    [Test]
    public void Should_Report_Seq_Skipping_In_A_Chain_Whose_Hashes_Were_Recomputed()
    {
        // Given: a rewritten log, with record 3 left out and the links made to fit.
        using var temp = new TempDirectory();
        var lines = new ArrayBufferWriter<byte>();
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var prev = new string('0', 64);
        foreach (var seq in new[] { 1, 2, 4, 5 })
        {
            prev = AuditRecord.Append(lines, seq, prev, AuditRecord.Body(AuditSamples.Entry(seq)), sha256);
        }

        var path = temp.Write("predictions.jsonl", lines.WrittenSpan.ToArray());

        // When
        var first = Only(AuditLogVerifier.Verify(path));

        // Then
        Assert.That(first, Is.EqualTo(new AuditBreak(path, 3, AuditBreakKind.SequenceGap, "record 4 follows record 2: seq must go up by exactly 1, so the log was rewritten")));
    }

    [Test]
    public async Task Should_Report_A_Missing_Rotated_Segment_At_The_File_After_It()
    {
        // Given
        using var temp = new TempDirectory();
        var path = temp["predictions.jsonl"];
        await AuditSamples.WriteAsync(path, 30, maxBytes: 2000);
        var files = AuditLogVerifier.Verify(path).Files;
        var (from, to) = (FirstSeq(files[1]), FirstSeq(files[2]) - 1);
        File.Delete(files[1]);

        // When
        var verification = AuditLogVerifier.Verify(path);

        // Then
        var first = Only(verification);
        Assert.That(first, Is.EqualTo(new AuditBreak(files[2], 1, AuditBreakKind.SegmentMissing,
            $"records {from}–{to} are missing before this file: a rotated segment was removed or renamed")));
        Assert.That(verification.Records, Is.EqualTo(from - 1));
    }

    [Test]
    public async Task Should_Report_A_Missing_Oldest_Segment_At_The_First_File()
    {
        // Given
        using var temp = new TempDirectory();
        var path = temp["predictions.jsonl"];
        await AuditSamples.WriteAsync(path, 30, maxBytes: 2000);
        var files = AuditLogVerifier.Verify(path).Files;
        File.Delete(files[0]);

        // When
        var first = Only(AuditLogVerifier.Verify(path));

        // Then
        Assert.That(first.Message, Is.EqualTo(
            $"{files[1]}:1: records 1–{FirstSeq(files[1]) - 1} are missing before this file: a rotated segment was removed or renamed."));
    }

    [Test]
    public async Task Should_Step_Over_A_Torn_Line_The_Writer_Recovered_From_And_Report_A_Later_Edit_Too()
    {
        // Given
        using var temp = new TempDirectory();
        var path = temp["predictions.jsonl"];
        await AuditSamples.WriteAsync(path, 5);
        File.AppendAllText(path, "{\"seq\":6,\"ti");
        await AuditSamples.WriteAsync(path, 5, first: 6);
        AuditSamples.Rewrite(path, lines => lines[2] = lines[2].Replace("req-0008", "req-0080", StringComparison.Ordinal));

        // When
        var verification = AuditLogVerifier.Verify(path);

        // Then
        Assert.Multiple(() =>
        {
            Assert.That(verification.Breaks.Select(b => b.Message), Is.EqualTo(new[]
            {
                $"{temp["predictions.000000000001.jsonl"]}:6: the last line is incomplete (no newline ends it): the server stopped while writing it.",
                $"{path}:3: record 8 was edited: its hash does not match its contents.",
            }));
            Assert.That(verification.Records, Is.EqualTo(7));
        });
    }

    [Test]
    public async Task Should_Verify_A_Log_While_It_Is_Being_Written()
    {
        // Given
        using var temp = new TempDirectory();
        var path = temp["predictions.jsonl"];
        await using var log = AuditLog.Open(new AuditLogOptions { Path = path });
        for (var i = 1; i <= 20; i++)
        {
            await log.AppendAsync(AuditSamples.Entry(i));
        }

        // When: the writer hands records to the operating system soon after they are queued.
        var verification = AuditLogVerifier.Verify(path);
        for (var wait = 0; verification.Records < 20 && wait < 200; wait++)
        {
            await Task.Delay(10);
            verification = AuditLogVerifier.Verify(path);
        }

        // Then
        Assert.That(verification.Records, Is.EqualTo(20));
        Assert.That(verification.IsIntact, Is.True);
    }

    [Test]
    public void Should_Refuse_A_Path_Where_There_Is_No_Log()
    {
        // Given
        using var temp = new TempDirectory();
        var path = temp["audit/predictions.jsonl"];

        // When
        var error = Assert.Throws<FileNotFoundException>(() => AuditLogVerifier.Verify(path));

        // Then
        Assert.That(error.Message, Is.EqualTo($"{path}: there is no audit log here (no such file, and no rotated segments beside it)."));
    }

    private static long FirstSeq(string file)
    {
        var line = File.ReadLines(file, Encoding.UTF8).First();
        return long.Parse(line["{\"seq\":".Length..line.IndexOf(',', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }
}
