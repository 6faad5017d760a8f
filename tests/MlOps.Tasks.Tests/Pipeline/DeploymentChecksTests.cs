using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Pipeline;

public sealed class DeploymentChecksTests
{
    private static readonly string Head = PipelineYaml.Named("p").ToString();

    private static string LoadFails(string yaml)
    {
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", Head + yaml);
        return Assert.Throws<InvalidFileException>(() => PipelineFile.Load(temp.Path, "pipelines/p.yaml"))!.Message;
    }

    [Test]
    public void Should_Read_Environments_With_Their_Ports_And_The_Registry()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", Head + "image:\n  registry: 127.0.0.1:5000\nenvironments:\n  dev:\n    kind: local\n  box:\n    kind: docker\n    port: 9000\n");

        // When
        var pipeline = PipelineFile.Load(temp.Path, "pipelines/p.yaml");

        // Then
        Assert.That(pipeline.Environments["dev"].Port, Is.Null);
        Assert.That(pipeline.Environments["box"].Port, Is.EqualTo(9000));
        Assert.That(pipeline.Image.Registry, Is.EqualTo("127.0.0.1:5000"));
        Assert.That(pipeline.Environments.Values.Select(e => e.Production), Is.All.False);
    }

    [Test]
    public void Should_Read_Which_Environment_Is_Production()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", Head + "environments:\n  dev:\n    kind: local\n  box:\n    kind: docker\n    production: true\n");

        // When
        var pipeline = PipelineFile.Load(temp.Path, "pipelines/p.yaml");

        // Then
        Assert.That(pipeline.Environments.Where(e => e.Value.Production).Select(e => e.Key), Is.EqualTo(new[] { "box" }));
    }

    [Test]
    public void Should_Make_The_Implicit_Local_Environment_Production_When_None_Is_Declared()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", Head);

        // When
        var pipeline = PipelineFile.Load(temp.Path, "pipelines/p.yaml");

        // Then
        Assert.That(pipeline.Environments.Single().Key, Is.EqualTo("local"));
        Assert.That(pipeline.Environments["local"].Production, Is.True);
    }

    [TestCase("environments:\n  a:\n    kind: local\n    production: true\n  b:\n    kind: docker\n    production: true\n",
        "pipelines/p.yaml:10:17: Environments 'a' and 'b' are both marked 'production: true'; "
        + "alias production is what one environment serves, so mark only one of them.")]
    [TestCase("environments:\n  a:\n    kind: local\n    port: 0\n", "pipelines/p.yaml:7:11: 'environments.a.port' is 0; expected a port from 1 to 65535.")]
    [TestCase("environments:\n  a:\n    kind: local\n  b:\n    kind: docker\n    port: 5080\n",
        "pipelines/p.yaml:9:11: Environments 'a' and 'b' both answer on port 5080; give one of them another 'port'.")]
    [TestCase("environments:\n  ../up:\n    kind: local\n", "pipelines/p.yaml:6:5: Environment name '../up' " +
        "must be lowercase letters, digits, '-' or '_', starting with a letter or digit (it names folders and containers).")]
    [TestCase("image:\n  registry: ghcr.io\n", "pipelines/p.yaml:5:13: 'image.registry' is 'ghcr.io'; " +
        "expected a registry on this machine, as 127.0.0.1:<port> or localhost:<port>.")]
    public void Should_Refuse_What_Cannot_Be_Deployed_Safely(string yaml, string message)
    {
        // When
        var error = LoadFails(yaml);

        // Then
        Assert.That(error, Is.EqualTo(message));
    }
}
