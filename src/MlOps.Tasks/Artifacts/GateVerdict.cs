namespace MlOps.Tasks.Artifacts;

/// <summary>A gate's verdict in metrics.json: whether it passed, on which inputs (its fingerprint), in one line.</summary>
/// <param name="Passed">Whether the gate passed.</param>
/// <param name="Fingerprint">The fingerprint of what the gate read; the same one again means its verdict stands.</param>
/// <param name="Summary">The one-line summary the build printed.</param>
public sealed record GateVerdict(bool Passed, string? Fingerprint, string? Summary)
{
    /// <summary>The summary when this verdict passed on <paramref name="fingerprint"/>, else null (the gate must run).</summary>
    public string? PassedOn(string fingerprint) =>
        Passed && Fingerprint == fingerprint ? Summary : null;
}
