namespace MlOps.Tasks;

/// <summary>The command line, or an argument a task reads, is not usable (exit code 2).</summary>
public class UsageException(string message) : Exception(message);
