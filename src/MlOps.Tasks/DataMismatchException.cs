namespace MlOps.Tasks;

/// <summary>Data on disk does not match its .dvc pointer (exit code 2).</summary>
public sealed class DataMismatchException(string message) : Exception(message);
