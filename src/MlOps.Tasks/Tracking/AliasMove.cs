namespace MlOps.Tasks.Tracking;

/// <summary>One entry of a model's append-only alias history: an alias set or moved to a version.</summary>
/// <param name="Model">The registered model.</param>
/// <param name="Alias">The alias, e.g. <c>production</c>.</param>
/// <param name="FromVersion">The version the alias pointed to before, or null when it was new.</param>
/// <param name="ToVersion">The version it points to since.</param>
/// <param name="Moved">When it moved (UTC).</param>
/// <param name="By">Who or what moved it (a user, a build task).</param>
/// <param name="Reason">Why, when given.</param>
public sealed record AliasMove(string Model, string Alias, int? FromVersion, int ToVersion, DateTimeOffset Moved, string By, string? Reason);
