namespace MlOps.Tasks.Kubernetes;

/// <summary>The labels and annotations that tie a cluster's objects to the model, version, bundle and image.</summary>
public static class ClusterLabels
{
    /// <summary>The environment's name (<see cref="ClusterPlacement.Name"/>): every object and pod of it.</summary>
    public const string Name = "app.kubernetes.io/name";

    /// <summary>The version a pod serves.</summary>
    public const string Version = "app.kubernetes.io/version";

    /// <summary>Who made the object: <c>mlops</c>.</summary>
    public const string ManagedBy = "app.kubernetes.io/managed-by";

    /// <summary>The model's name.</summary>
    public const string Model = "mlops.dev/model";

    /// <summary>The pipeline's environment.</summary>
    public const string Environment = "mlops.dev/environment";

    /// <summary>Blue-green: <c>blue</c> or <c>green</c>. Canary: <c>stable</c> or <c>canary</c>.</summary>
    public const string Slot = "mlops.dev/slot";

    /// <summary>Annotation: the SHA-256 of the signed bundle.</summary>
    public const string BundleSha256 = "mlops.dev/bundle-sha256";

    /// <summary>Annotation: the image digest.</summary>
    public const string ImageDigest = "mlops.dev/image-digest";

    /// <summary>Annotation on the serving Deployment: the SHA-256 of every object the environment was rendered as.</summary>
    public const string ObjectsSha256 = "mlops.dev/objects-sha256";

    /// <summary>The field manager of server-side apply.</summary>
    public const string FieldManager = "mlops";
}
