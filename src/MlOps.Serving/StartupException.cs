namespace MlOps.Serving;

/// <summary>The server refuses to start: a setting is wrong, or the bundle or key does not verify. The message says which and what to do.</summary>
public sealed class StartupException(string message) : Exception(message);
