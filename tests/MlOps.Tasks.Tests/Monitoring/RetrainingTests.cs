using MlOps.Tasks.Monitoring;
using MlOps.Tasks.Tracking;
using static MlOps.Tasks.Tests.Monitoring.MonitorReports;

namespace MlOps.Tasks.Tests.Monitoring;

public sealed class RetrainingTests
{
    private static readonly DataDrift Drifted = DataOf(Column("age", drift: true), Column("income", drift: true), Column("debt"));

    private static readonly DataDrift Stable = DataOf(Column("age"), Column("income"), Column("debt", drift: true));

    private static RetrainingDecision DecideFor(bool requested, DataDrift data, ConceptDrift? concept = null, string? batch = "data/batch.csv") =>
        Retraining.Decide(requested, data, concept, batch, "pipelines/credit-scoring.yaml", StoreLocation.InFolder("/store"));

    public sealed class Decide
    {
        [Test]
        public void Should_Not_Retrain_When_Not_Asked_To_Even_On_Drift()
        {
            // When
            var decision = DecideFor(requested: false, Drifted, Concept());

            // Then
            Assert.That(decision.Action, Is.EqualTo(RetrainingAction.NotRequested));
        }

        [Test]
        public void Should_Not_Retrain_When_Neither_Data_Nor_Concept_Drifted()
        {
            // When
            var decision = DecideFor(requested: true, Stable);

            // Then
            Assert.That(Stable.DatasetDrift, Is.False);
            Assert.That(decision.Action, Is.EqualTo(RetrainingAction.NoDrift));
        }

        [Test]
        public void Should_Retrain_On_Concept_Drift_Alone()
        {
            // When
            var decision = DecideFor(requested: true, Stable, Concept());

            // Then
            Assert.That(decision.Action, Is.EqualTo(RetrainingAction.Retrain));
        }

        [Test]
        public void Should_Not_Retrain_On_Concept_Without_Detections()
        {
            // When
            var decision = DecideFor(requested: true, Stable, Concept() with { Detections = [] });

            // Then
            Assert.That(decision.Action, Is.EqualTo(RetrainingAction.NoDrift));
        }

        [Test]
        public void Should_Refuse_When_The_Current_Data_Is_The_Servers_Unlabelled_Inputs()
        {
            // When
            var decision = DecideFor(requested: true, Drifted, batch: null);

            // Then
            Assert.That(decision.Action, Is.EqualTo(RetrainingAction.NoLabels));
            Assert.That(decision.Arguments, Is.Null);
        }

        [Test]
        public void Should_Run_The_Whole_Pipeline_On_The_Batch_With_The_Same_Pipeline_And_Store()
        {
            // When
            var decision = DecideFor(requested: true, Drifted);

            // Then
            Assert.That(Drifted.DatasetDrift, Is.True);
            Assert.That(decision.Action, Is.EqualTo(RetrainingAction.Retrain));
            Assert.That(decision.Table, Is.EqualTo("data/batch.csv"));
            Assert.That(decision.Arguments,
                Is.EqualTo(new[] { "--target=Default", "--table=data/batch.csv", "--pipeline=pipelines/credit-scoring.yaml", $"--store={Path.GetFullPath("/store")}" }));
        }

        [Test]
        public void Should_Name_An_SQLite_File_Store_By_Its_URI()
        {
            // Given
            var file = Path.GetFullPath("/stores/team.db");
            var store = new StoreLocation(Path.GetFullPath("/stores"), new SqliteDatabase(file));

            // When
            var decision = Retraining.Decide(requested: true, Drifted, concept: null, "data/batch.csv", "pipelines/credit-scoring.yaml", store);

            // Then
            Assert.That(decision.Arguments![^1], Is.EqualTo($"--store=sqlite:///{file}"));
        }

        [Test]
        public void Should_Pass_A_PostgreSQL_Store_Without_A_Password_As_Its_URI()
        {
            // Given
            var store = new StoreLocation(Path.GetFullPath("/repo/.mlops"), new PostgresDatabase("Host=db;Username=ci;Database=mlops", "postgresql://ci@db/mlops")
            {
                Uri = "postgresql://ci@db/mlops?sslmode=verify-full",
            });

            // When
            var decision = Retraining.Decide(requested: true, Drifted, concept: null, "data/batch.csv", "pipelines/credit-scoring.yaml", store);

            // Then
            Assert.That(decision.Arguments![^1], Is.EqualTo("--store=postgresql://ci@db/mlops?sslmode=verify-full"), "as given, sslmode and all");
        }

        [Test]
        public void Should_Leave_A_PostgreSQL_Store_With_A_Password_To_MLOPS_STORE_Which_The_Build_Inherits()
        {
            // Given: the password came from MLOPS_STORE; --store refuses one
            var database = new PostgresDatabase("Host=db;Username=ci;Password=hunter2;Database=mlops", "postgresql://ci:***@db/mlops");
            var store = new StoreLocation(Path.GetFullPath("/repo/.mlops"), database);

            // When
            var decision = Retraining.Decide(requested: true, Drifted, concept: null, "data/batch.csv", "pipelines/credit-scoring.yaml", store);

            // Then
            Assert.That(decision.Arguments, Is.EqualTo(new[] { "--target=Default", "--table=data/batch.csv", "--pipeline=pipelines/credit-scoring.yaml" }));
        }
    }

    public sealed class Outcome
    {
        [TestCase(0, "the new version passed the gates and is staging (deploy it with ./build.sh --target=Deploy)")]
        [TestCase(3, "a gate refused the new data or model (above); staging is unchanged")]
        [TestCase(1, "the training pipeline failed with exit code 1 (above)")]
        [TestCase(2, "the training pipeline failed with exit code 2 (above)")]
        public void Should_Say_What_The_Exit_Code_Of_The_Training_Pipeline_Means(int exitCode, string expected)
        {
            // When
            var said = Retraining.Outcome(exitCode);

            // Then
            Assert.That(said, Is.EqualTo(expected));
        }
    }
}
