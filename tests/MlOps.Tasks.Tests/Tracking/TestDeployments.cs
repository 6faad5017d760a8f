using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Tracking;

/// <summary>Deployment records of model credit-scoring, as the deployer writes them, for the store's and the deployer's tests.</summary>
internal static class TestDeployments
{
    public static DeploymentRecord Record(int version, string environment = "local", bool serving = true, long? replaces = null,
        DeploymentAction action = DeploymentAction.Deploy) => new()
    {
        Key = Guid.CreateVersion7().ToString("N"),
        Folder = $"/store/deployments/{environment}/x",
        Model = "credit-scoring",
        Environment = environment,
        Kind = EnvironmentKind.Local,
        Action = action,
        Serving = serving,
        Version = version,
        BundleSha256 = new string('a', 64),
        Server = "/store/servers/abc",
        Address = "http://127.0.0.1:5080",
        RunsAs = "4242",
        Replaces = replaces,
        DeployedBy = "ci",
        Message = serving ? null : "the new server failed its checks",
    };
}
