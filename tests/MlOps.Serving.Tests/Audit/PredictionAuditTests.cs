using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MlOps.Models.Audit;
using MlOps.Testing;

namespace MlOps.Serving.Tests.Audit;

/// <summary>The server's audit trail: one chained record per scored request, which the verifier checks.</summary>
public sealed class PredictionAuditTests
{
    private static string Body(int i) => $$"""{"dataframe_records": [{{TestModel.Record(i)}}, {{TestModel.Record(i + 1)}}]}""";

    /// <summary>Scores three requests through a server writing the audit log to <paramref name="log"/>, then stops it.</summary>
    private static async Task<List<(string RequestId, double[] Scores)>> ScoreThreeAsync(string log, params (string Name, string Value)[] settings)
    {
        var answers = new List<(string, double[])>();
        using (var server = new ScoringServer([("audit_log", log), .. settings]))
        {
            for (var i = 0; i < 3; i++)
            {
                var response = await server.PostAsync(Body(i));
                answers.Add((response.Headers.GetValues("X-Request-Id").Single(), await ScoringServer.ScoresAsync(response)));
            }
        }

        return answers;
    }

    [Test]
    public async Task Should_Log_Each_Scored_Request_In_An_Intact_Chain()
    {
        // Given
        using var temp = new TempDirectory();
        var log = temp["audit/predictions.jsonl"];

        // When
        var answers = await ScoreThreeAsync(log);
        var verification = AuditLogVerifier.Verify(log);
        var records = File.ReadAllLines(log).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        // Then
        Assert.That(verification.FirstBreak, Is.Null);
        Assert.That(verification.Records, Is.EqualTo(3));
        for (var i = 0; i < 3; i++)
        {
            Assert.That(records[i].GetProperty("request_id").GetString(), Is.EqualTo(answers[i].RequestId));
            Assert.That(records[i].GetProperty("scores").EnumerateArray().Select(s => s.GetDouble()), Is.EqualTo(answers[i].Scores));
            Assert.That(records[i].GetProperty("input_sha256").GetString(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body(i))))));
            Assert.That(records[i].GetProperty("model").GetString(), Is.EqualTo("credit-scoring"));
            Assert.That(records[i].GetProperty("version").GetString(), Is.EqualTo("7"));
            Assert.That(records[i].TryGetProperty("inputs", out _), Is.False, "raw inputs are kept only when asked for");
        }
    }

    [Test]
    public async Task Should_Name_The_Line_Edited_After_The_Fact()
    {
        // Given
        using var temp = new TempDirectory();
        var log = temp["audit/predictions.jsonl"];
        var answers = await ScoreThreeAsync(log);
        var lines = File.ReadAllLines(log);
        var score = answers[1].Scores[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(lines[1], Does.Contain(score));
        lines[1] = lines[1].Replace(score, "0.01", StringComparison.Ordinal);
        File.WriteAllText(log, string.Join("\n", lines) + "\n");

        // When
        var verification = AuditLogVerifier.Verify(log);

        // Then
        Assert.That(verification.FirstBreak?.Message, Is.EqualTo($"{log}:2: record 2 was edited: its hash does not match its contents."));
    }

    [Test]
    public async Task Should_Keep_The_Inputs_When_Asked()
    {
        // Given
        using var temp = new TempDirectory();
        var log = temp["audit/predictions.jsonl"];

        // When
        await ScoreThreeAsync(log, ("audit_inputs", "true"));
        var inputs = JsonDocument.Parse(File.ReadLines(log).First()).RootElement.GetProperty("inputs");

        // Then
        Assert.That(inputs.GetProperty("columns").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "id", "income", "debt", "age", "region", "note", "verified" }));
        Assert.That(inputs.GetProperty("data")[1][0].GetString(), Is.EqualTo("r1"));
        Assert.That(AuditLogVerifier.Verify(log).FirstBreak, Is.Null);
    }

    [Test]
    public async Task Should_Name_The_Deployment_And_Image_Its_Settings_Give_In_Every_Record()
    {
        // Given
        using var temp = new TempDirectory();
        var log = temp["audit/predictions.jsonl"];
        var digest = "sha256:" + new string('c', 64);

        // When
        await ScoreThreeAsync(log, ("deployment", "0199a2b3c4d5e6f7a8b9c0d1e2f3a4b5"), ("image_digest", digest));
        var records = File.ReadAllLines(log).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        // Then
        Assert.That(records.Select(r => r.GetProperty("deployment").GetString()), Is.All.EqualTo("0199a2b3c4d5e6f7a8b9c0d1e2f3a4b5"));
        Assert.That(records.Select(r => r.GetProperty("image_digest").GetString()), Is.All.EqualTo(digest));
        Assert.That(AuditLogVerifier.Verify(log).IsIntact, Is.True);
    }

    [Test]
    public async Task Should_Leave_Deployment_And_Image_Out_When_Not_Set()
    {
        // Given
        using var temp = new TempDirectory();
        var log = temp["audit/predictions.jsonl"];

        // When
        await ScoreThreeAsync(log);
        var line = File.ReadLines(log).First();

        // Then
        Assert.That(line, Does.Not.Contain("\"deployment\"").And.Not.Contain("\"image_digest\""));
    }
}
