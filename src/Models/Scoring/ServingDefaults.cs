namespace MlOps.Models.Scoring;

/// <summary>The scoring server's defaults that the build and the server must agree on, across the process boundary.</summary>
public static class ServingDefaults
{
    /// <summary>The loopback port a server answers on when nothing else is said: <c>Serve</c>, a <c>local</c> environment, the server itself.</summary>
    public const int LocalPort = 5080;

    /// <summary>The port the server listens on inside an image, and a <c>docker</c> environment's default.</summary>
    public const int ContainerPort = 8080;
}
