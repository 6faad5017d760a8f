using MlOps.Models.Bundles;
using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>
/// Two CI runners on one team store: fresh clones with empty .mlops/, one PostgreSQL database for runs, the registry and deployments,
/// one S3 bucket (s3rver) for artifacts and bundles, and the team's signing key; what one runner did, the other sees and reuses.
/// </summary>
[Category("Slow")]
public sealed class TeamStoreProgramTests
{
    [Test]
    public async Task Should_Let_A_Second_Runner_Reuse_Compare_With_And_Roll_Back_The_First_Runners_Work()
    {
        // Given: runners A and B, the same commit, an empty .mlops/ each
        var postgres = await LoopbackPostgres.StartAsync();
        await using var database = await postgres.CreateDatabaseAsync();
        await using var s3 = await LoopbackS3.StartAsync();
        using var secrets = new TempDirectory();
        using var signingKey = SigningKey.Generate();
        var keyFile = secrets.Write("team-key.pem", signingKey.ExportPrivatePem());
        using var a = Deployed.QuickSample(Deployed.LocalIsProduction);
        using var b = Deployed.QuickSample(Deployed.LocalIsProduction);
        foreach (var runner in new[] { a.Build, b.Build })
        {
            runner.Environment["MLOPS_STORE"] = database.Uri.ToString();
            runner.Environment["MLOPS_ARTIFACTS"] = s3.Url("team");
            runner.Environment["MLOPS_SIGNING_KEY_FILE"] = keyFile;
            runner.Environment["AWS_ENDPOINT_URL_S3"] = s3.Endpoint;
            runner.Environment["AWS_ACCESS_KEY_ID"] = LoopbackS3.AccessKey;
            runner.Environment["AWS_SECRET_ACCESS_KEY"] = LoopbackS3.SecretKey;
            runner.Environment["AWS_REGION"] = "us-east-1";
            runner.Environment["AWS_EC2_METADATA_DISABLED"] = "true";

            // The team's data remote, as `dvc remote add -d team s3://…` and `dvc remote modify team endpointurl …` write it.
            runner.Repository.Write(".dvc/config", DvcVectors.DefaultRemoteConfig("team", s3.Url("dvc")) + $"    endpointurl = {s3.Endpoint}\n");
        }

        // When: A runs the pipeline and pushes the data
        var trainedByA = a.Build.Run();
        var pushedByA = a.Build.Run("--target=PushData");

        // Then
        Assert.That(trainedByA.ExitCode, Is.Zero, trainedByA.Output + trainedByA.Errors);
        Assert.That(trainedByA.Output, Does.Match(@"Train\s+ran\s+\S+\s+credit-scoring v1"));
        Assert.That(Directory.GetFiles(s3.DataFolder, "*", SearchOption.AllDirectories), Is.Not.Empty, "A's artifacts are in the bucket");
        Assert.That(pushedByA.ExitCode, Is.Zero, pushedByA.Output + pushedByA.Errors);
        Assert.That(pushedByA.Output, Does.Contain($"to remote 'team' ({s3.Url("dvc")})"));

        // When: B runs the same commit
        var reusedByB = b.Build.Run();
        var modelsSeenByB = b.Build.Run("--target=Models");

        // Then: the data came from the team's remote, and there was nothing to train, validate or check again: no v2
        Assert.That(reusedByB.ExitCode, Is.Zero, reusedByB.Output + reusedByB.Errors);
        Assert.That(reusedByB.Output, Does.Contain("PullData").And.Contain(s3.Url("dvc")).And.Not.Contain("from the sample generator"));
        Assert.That(reusedByB.Output, Does.Contain("Train: unchanged").And.Contain("Validate: unchanged").And.Contain("BiasCheck: unchanged"), reusedByB.Output);
        Assert.That(modelsSeenByB.Output, Does.Contain("credit-scoring_v1").And.Not.Contain("credit-scoring_v2"));

        // When: A deploys v1 to production; B changes a hyper-parameter, trains v2 and deploys it
        var deployedByA = a.Build.Run("--target=Deploy");
        b.Build.EditPipeline("number_of_iterations: 60", "number_of_iterations: 61");
        var trainedByB = b.Build.Run();
        var deployedByB = b.Build.Run("--target=Deploy");

        // Then: v2 was validated against A's production v1, and replaced it
        Assert.That(deployedByA.ExitCode, Is.Zero, deployedByA.Output + deployedByA.Errors);
        Assert.That(trainedByB.ExitCode, Is.Zero, trainedByB.Output + trainedByB.Errors);
        Assert.That(trainedByB.Output, Does.Match(@"Train\s+ran\s+\S+\s+credit-scoring v2").And.Contain("against production v1 on the"));
        Assert.That(deployedByB.ExitCode, Is.Zero, deployedByB.Output + deployedByB.Errors);
        Assert.That(deployedByB.Output, Does.Contain("Deploy: v2 serves").And.Contain("production -> v2"));

        // When: A rolls back
        var rolledBackByA = a.Build.Run("--target=Rollback");

        // Then: A saw B's deployment, and returns to its own
        Assert.That(rolledBackByA.ExitCode, Is.Zero, rolledBackByA.Output + rolledBackByA.Errors);
        Assert.That(rolledBackByA.Output, Does.Contain("Rollback: v1 serves").And.Contain("v2 (deployment 2) stopped; production -> v1"));
        Assert.That(a.History("local").Select(d => (d.Action.ToString(), d.Version)),
            Is.EqualTo(new[] { ("Deploy", 1), ("Deploy", 2), ("Rollback", 1) }));
    }
}
