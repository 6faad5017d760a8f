namespace MlOps.Serving.Requests;

/// <summary>A kind of rejected request, as RFC 7807 names it: a type URI, a title and an HTTP status.</summary>
/// <param name="Slug">The short name: the end of the type URI and the <c>error</c> label on /metrics.</param>
/// <param name="Title">What went wrong, the same for every request of this kind.</param>
/// <param name="Status">The HTTP status.</param>
internal sealed record Problem(string Slug, string Title, int Status)
{
    /// <summary>The RFC 7807 type; docs/serving.md explains each under its slug.</summary>
    public string Type => $"urn:mlops:problem:{Slug}";
}
