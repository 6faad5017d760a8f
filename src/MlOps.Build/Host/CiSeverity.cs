namespace MlOps.Build.Host;

/// <summary>How a CI service shows a <see cref="CiAnnotation"/>.</summary>
internal enum CiSeverity
{
    /// <summary>It failed the build.</summary>
    Error,

    /// <summary>It is reported only.</summary>
    Warning,
}
