using MlOps.Tasks.Containers;
using MlOps.Tasks.Deployment;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Deployment;

/// <summary>Prune's choice over deployments 1–5 of versions 1–5 to local (and docker), without a store, disk or daemon.</summary>
public sealed class PruneSelectionTests
{
    [Test]
    public void Should_Keep_The_Recent_Versions_What_Serves_And_What_Rollback_Returns_To()
    {
        // Given: local serves v2 (deployment 5, a rollback from v5), which replaced deployment 4 (v5); --keep=1 keeps only v5
        var deployments = new[] { Local(1, 1), Local(2, 2, replaces: 1), Local(3, 3, replaces: 2), Local(4, 5, replaces: 3), Local(5, 2, replaces: 4) };
        var inputs = Inputs(deployments, keep: 1);

        // When
        var plan = PruneSelection.Choose(inputs);

        // Then
        Assert.That(plan.KeptVersions, Is.EqualTo(new[] { 5 }));
        Assert.That(plan.Folders, Is.EqualTo(new[] { Folder(1), Folder(2), Folder(3) }));
        Assert.That(plan.Servers, Is.EqualTo(new[] { Server(1), Server(3) }), "v2's server runs; v5's is the Rollback's way back");
        Assert.That(plan.Images.Select(i => i.Version), Is.EqualTo(new[] { 1, 3, 4 }));
    }

    [Test]
    public void Should_Keep_Only_The_Recent_Versions_Of_An_Undeployed_Environment()
    {
        // Given: local served v3 (deployment 3, replacing 2), then was undeployed
        var deployments = new[] { Local(1, 1), Local(2, 2, replaces: 1), Local(3, 3, replaces: 2) };
        var inputs = Inputs(deployments, keep: 1) with { Ended = new HashSet<long> { 3 } };

        // When
        var plan = PruneSelection.Choose(inputs);

        // Then
        Assert.That(plan.Folders, Is.EqualTo(new[] { Folder(1), Folder(2), Folder(3) }));
        Assert.That(plan.Images.Select(i => i.Version), Is.EqualTo(new[] { 1, 2, 3, 4 }));
    }

    [Test]
    public void Should_Keep_What_Another_Environment_Serves_And_What_Is_Protected()
    {
        // Given: docker serves v1; local serves v3; a running process names deployment 2's folder; the next Deploy installs server 4
        var deployments = new[] { Local(1, 1, environment: "docker"), Local(2, 2), Local(3, 3) };
        var inputs = Inputs(deployments, keep: 0) with { Protected = new HashSet<string> { Folder(2), Server(4), "sha256:5" } };

        // When
        var plan = PruneSelection.Choose(inputs);

        // Then
        Assert.That(plan.KeptVersions, Is.Empty);
        Assert.That(plan.Folders, Is.Empty, "1 and 3 serve, 2 is protected, 4 and 5 are not the model's");
        Assert.That(plan.Servers, Is.EqualTo(new[] { Server(2) }));
        Assert.That(plan.Images.Select(i => i.Version), Is.EqualTo(new[] { 2, 4 }));
    }

    [Test]
    public void Should_Keep_The_Folder_Of_A_Server_Still_Starting_And_Images_This_Store_Did_Not_Build()
    {
        // Given: nothing recorded yet but a start; one image has no version label, one holds another repository's v1
        var inputs = Inputs([], keep: 0) with
        {
            Starting = new HashSet<string> { Folder(1) },
            Images = [new StoredImage("sha256:x", ["mlops/credit-scoring:custom"], null, "bundle1", 10),
                new StoredImage("sha256:y", ["mlops/credit-scoring:v1-ffffffffffff"], 1, "another repository's bundle", 10)],
        };

        // When
        var plan = PruneSelection.Choose(inputs);

        // Then
        Assert.That(plan.Folders, Is.Empty);
        Assert.That(plan.Images, Is.Empty);
    }

    private static PruneInputs Inputs(DeploymentRecord[] deployments, int keep) => new()
    {
        Keep = keep,
        Versions = [1, 2, 3, 4, 5],
        Deployments = deployments,
        Folders = [.. Enumerable.Range(1, 5).Select(Folder)],
        Servers = [.. Enumerable.Range(1, 5).Select(Server)],
        Bundles = new HashSet<string> { "bundle1", "bundle2", "bundle3", "bundle4", "bundle5" },
        Images = [.. Enumerable.Range(1, 5).Select(v => new StoredImage($"sha256:{v}", [$"mlops/credit-scoring:v{v}-0123456789ab"], v, $"bundle{v}", 100))],
    };

    // Deployment n ran version v from server v, in folder n, with image v.
    private static DeploymentRecord Local(long id, int version, long? replaces = null, string environment = "local") => new()
    {
        Id = id,
        Key = $"key{id}",
        Folder = Folder((int)id),
        Model = "credit-scoring",
        Environment = environment,
        Kind = EnvironmentKind.Local,
        Action = DeploymentAction.Deploy,
        Serving = true,
        Version = version,
        BundleSha256 = new string('a', 64),
        Server = Server(version),
        Image = $"sha256:{version}",
        Address = "http://127.0.0.1:5080",
        Replaces = replaces,
        DeployedBy = "ci",
    };

    private static string Folder(int id) => $"/store/deployments/local/key{id}";

    private static string Server(int version) => $"/store/servers/server{version}";
}
