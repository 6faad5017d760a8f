using Amazon.Runtime;
using MlOps.Tasks.Storage;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Storage;

/// <summary>Stores on a <see cref="LoopbackS3"/>, with its credentials passed in rather than set in the process's environment.</summary>
internal static class LoopbackS3Extensions
{
    /// <summary>s3rver's credentials.</summary>
    public static AWSCredentials Credentials => new BasicAWSCredentials(LoopbackS3.AccessKey, LoopbackS3.SecretKey);

    /// <summary>The store at <c>s3://bucket/prefix</c> of <paramref name="s3"/>.</summary>
    public static S3ObjectStore Store(this LoopbackS3 s3, string prefix = "") =>
        new(s3.Url(prefix), new S3StoreOptions(Endpoint: s3.Endpoint, Credentials: Credentials));
}
