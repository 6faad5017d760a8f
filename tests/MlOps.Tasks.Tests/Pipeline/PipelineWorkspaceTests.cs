using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Pipeline;

public sealed class PipelineWorkspaceTests
{
    public sealed class Open
    {
        [Test]
        public void Should_Read_The_File_And_Put_Artifacts_Under_Its_Name_When_A_File_Is_Named()
        {
            // Given
            using var repository = new TempDirectory();
            repository.Write("pipelines/churn.yaml", PipelineYaml.Named("churn").ToString());

            // When
            var workspace = PipelineWorkspace.Open(repository.Path + "/pipelines/..", "pipelines/churn.yaml");

            // Then
            Assert.That(workspace.Pipeline.Name, Is.EqualTo("churn"));
            Assert.That(workspace.Pipeline.File, Is.EqualTo("pipelines/churn.yaml"));
            Assert.That(workspace.RepositoryRoot, Is.EqualTo(repository.Path));
            Assert.That(workspace.ArtifactsFolder, Is.EqualTo(Path.Combine(repository.Path, "artifacts", "churn")));
        }

        [Test]
        public void Should_Take_The_Only_File_In_Pipelines_When_None_Is_Named()
        {
            // Given
            using var repository = new TempDirectory();
            repository.Write("pipelines/churn.yaml", PipelineYaml.Named("churn").ToString());

            // When
            var workspace = PipelineWorkspace.Open(repository.Path, requested: null);

            // Then
            Assert.That(workspace.Pipeline.Name, Is.EqualTo("churn"));
        }

        [Test]
        public void Should_Refuse_With_The_Available_Files_When_The_Named_One_Is_Missing()
        {
            // Given
            using var repository = new TempDirectory();
            repository.Write("pipelines/churn.yaml", PipelineYaml.Named("churn").ToString());

            // When
            var error = Assert.Throws<UsageException>(() => PipelineWorkspace.Open(repository.Path, "pipelines/nope.yaml"));

            // Then
            Assert.That(error.Message, Is.EqualTo("Pipeline file 'pipelines/nope.yaml' does not exist (available: pipelines/churn.yaml). Name one with --pipeline=<file>."));
        }
    }
}
