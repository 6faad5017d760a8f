using System.Text.Json;

namespace MlOps.Models.Audit;

/// <summary>One scored request as the audit log holds it, read back for monitoring.</summary>
/// <param name="File">The log file the record is in.</param>
/// <param name="Line">The record's line in <paramref name="File"/>.</param>
/// <param name="Time">When the request was scored.</param>
/// <param name="RequestId">The id the server gave the request.</param>
/// <param name="Version">The model version that scored it.</param>
/// <param name="Scores">The score of each row, in the order of the request.</param>
/// <param name="Threshold">The decision threshold the scores were compared with.</param>
/// <param name="Inputs">The rows as <c>{"columns": [...], "data": [[...]]}</c>, when the server kept inputs.</param>
public sealed record LoggedPrediction(
    string File, long Line, DateTimeOffset Time, string RequestId, string Version,
    IReadOnlyList<double> Scores, double Threshold, JsonElement? Inputs);
