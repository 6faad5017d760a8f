namespace MlOps.Build.Tests.BadInputs;

/// <summary>
/// One case of the bad-input corpus, as a manifest (BadInputs/&lt;kind&gt;.yaml) writes it: what to set up in a
/// temporary repository, what to run or send, and what the program must answer.
/// </summary>
public sealed class BadInput
{
    /// <summary>What the case is, as a sentence; the test's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The manifest it comes from: pipeline, csv, dvc, options, bundle or http.</summary>
    public string Kind { get; set; } = "";

    /// <summary>
    /// The issue-16 defect the case proves (its number), or <c>found by the corpus (…)</c> for one it found; such
    /// cases failed before that defect was fixed.
    /// </summary>
    public string? Defect { get; set; }

    /// <summary>Text replacements in the sample pipeline file: each pair is [from, to], and from must occur.</summary>
    public List<List<string>> Edit { get; set; } = [];

    /// <summary>Files to write (path relative to the repository → text); <c>$(repeat N "text")</c> expands.</summary>
    public Dictionary<string, string> Files { get; set; } = [];

    /// <summary><c>latin1</c> writes <see cref="Files"/>, the edited pipeline file and HTTP bodies as ISO-8859-1 instead of UTF-8.</summary>
    public string? Encoding { get; set; }

    /// <summary>Symbolic links to make (path → target).</summary>
    public Dictionary<string, string> Symlinks { get; set; } = [];

    /// <summary>Files or folders to delete before the run.</summary>
    public List<string> Delete { get; set; } = [];

    /// <summary>How to damage the registered model's bundle (see <see cref="BundleDamage"/>).</summary>
    public string? Bundle { get; set; }

    /// <summary>The command line; <c>{port}</c> becomes a free loopback port. Default per kind.</summary>
    public List<string>? Args { get; set; }

    /// <summary>The exit code, or for HTTP cases the status.</summary>
    public int Exit { get; set; }

    /// <summary>The place the message must name: file:line:col, option, field or file.</summary>
    public string Place { get; set; } = "";

    /// <summary>A text the output must also contain, e.g. the line a failed check names.</summary>
    public string? Shows { get; set; }

    /// <summary>The whole error message, when the case pins it (without <c>Error: </c>).</summary>
    public string? Message { get; set; }

    /// <summary>Globs of repository files the run may create or change besides the kind's own.</summary>
    public List<string> Changes { get; set; } = [];

    /// <summary>HTTP: the request line's method (default POST).</summary>
    public string Method { get; set; } = "POST";

    /// <summary>HTTP: the request's path (default /invocations).</summary>
    public string Path { get; set; } = "/invocations";

    /// <summary>HTTP: the Content-Type header (default application/json; <c>none</c> sends none).</summary>
    public string ContentType { get; set; } = "application/json";

    /// <summary>HTTP: more headers.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>HTTP: the body; <c>$(repeat N "text")</c> and <c>$(row)</c> (a valid row of the sample) expand.</summary>
    public string Body { get; set; } = "";

    /// <summary>HTTP: a Content-Length other than the body's, or <c>chunked</c> with a raw chunked <see cref="Body"/>.</summary>
    public string? ContentLength { get; set; }

    /// <summary>HTTP: the problem type the answer must carry (after <c>urn:mlops:problem:</c>).</summary>
    public string? Type { get; set; }

    public override string ToString() => Name;
}
