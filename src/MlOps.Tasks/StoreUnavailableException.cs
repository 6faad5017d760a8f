namespace MlOps.Tasks;

/// <summary>
/// A team store (a database server or an object store) could not be reached or refused the request (exit code 1):
/// the message names the place (any password masked), what was being done and why.
/// </summary>
/// <param name="place">The store's address as it may be shown, e.g. <c>postgresql://ci@db:5432/mlops</c> or <c>s3://bucket/prefix</c>.</param>
/// <param name="doing">What was being done, e.g. <c>opening the tracking store</c>.</param>
/// <param name="reason">Why it failed, in one line.</param>
/// <param name="inner">The exception that says what happened underneath, if any.</param>
public sealed class StoreUnavailableException(string place, string doing, string reason, Exception? inner = null)
    : Exception($"Cannot reach {place} while {doing}: {reason}", inner)
{
    /// <summary>The store's address as shown (any password masked).</summary>
    public string Place { get; } = place;
}
