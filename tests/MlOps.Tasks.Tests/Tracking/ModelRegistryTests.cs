using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Tracking;

public sealed class ModelRegistryTests
{
    [TestFixture(Engine.Sqlite)]
    [TestFixture(Engine.Postgres)]
    public sealed class RegisterVersion(Engine engine)
    {
        [Test]
        public void Should_Number_Versions_Per_Model_From_One()
        {
            // Given
            using var fixture = new TestStore(engine);

            // When
            var numbers = new[] { fixture.Register(), fixture.Register(), fixture.Register("churn"), fixture.Register() }.Select(v => (v.Model, v.Version));

            // Then
            Assert.That(numbers, Is.EqualTo(new[] { ("credit-scoring", 1), ("credit-scoring", 2), ("churn", 1), ("credit-scoring", 3) }));
        }

        [Test]
        public void Should_Record_The_Version_And_Name_It_After_Model_Version_And_Time()
        {
            // Given
            using var fixture = new TestStore(engine);
            var run = fixture.FinishedRun();

            // When
            var version = fixture.Store.Registry.RegisterVersion(
                "credit-scoring", run.Id, "artifacts/bundle.zip", new string('A', 64), "candidate", "ci");

            // Then
            Assert.That(version.DisplayName, Is.EqualTo("credit-scoring_v1_20250314092653"));
            var found = fixture.Store.Registry.FindVersion("credit-scoring", 1)!;
            Assert.That(found with { Aliases = version.Aliases }, Is.EqualTo(version));
            Assert.That(found.Aliases, Is.EqualTo(version.Aliases));
            Assert.That((version.RunId, version.Source, version.BundleSha256, version.Created, version.RegisteredBy),
                Is.EqualTo((run.Id, "artifacts/bundle.zip", new string('a', 64), TestStore.Start, "ci")));
            Assert.That(version.Aliases, Is.EqualTo(new[] { "candidate" }));
        }

        [Test]
        public void Should_Move_The_Alias_To_The_New_Version_And_Record_The_Move()
        {
            // Given
            using var fixture = new TestStore(engine);
            fixture.Register();

            // When
            fixture.Register();

            // Then
            Assert.That(fixture.Store.Registry.FindVersion("credit-scoring", 1)!.Aliases, Is.Empty);
            Assert.That(fixture.Store.Registry.AliasHistory("credit-scoring"), Is.EqualTo(new[]
            {
                new AliasMove("credit-scoring", "candidate", null, 1, TestStore.Start, "ci", "registered v1"),
                new AliasMove("credit-scoring", "candidate", 1, 2, TestStore.Start, "ci", "registered v2"),
            }));
        }

        [Test]
        public void Should_Refuse_A_Run_That_Does_Not_Exist_And_Register_Nothing()
        {
            // Given
            using var fixture = new TestStore(engine);
            var missing = new string('f', 32);

            // When
            var error = Assert.Throws<UsageException>(() =>
                fixture.Store.Registry.RegisterVersion("credit-scoring", missing, "bundle.zip", new string('0', 64), "candidate", "ci"));

            // Then
            Assert.That(error.Message, Is.EqualTo($"Run '{missing}' does not exist in {fixture.Store.Database}."));
            Assert.That(fixture.Store.Registry.Models(), Is.Empty);
        }

        [TestCase("v2")]
        [TestCase("7")]
        [TestCase("latest")]
        [TestCase("pro duction")]
        public void Should_Refuse_An_Alias_That_Reads_As_Something_Else(string alias)
        {
            // Given
            using var fixture = new TestStore(engine);

            // When
            var error = Assert.Throws<UsageException>(() => fixture.Register(alias: alias));

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"'{alias}' cannot be an alias: use letters, digits, '-' and '_' (at most 255), and not 'latest' or a version such as 'v2'."));
        }
    }

    [TestFixture(Engine.Sqlite)]
    [TestFixture(Engine.Postgres)]
    public sealed class ResolveVersion(Engine engine)
    {
        [TestCase("v2", 2)]
        [TestCase("V2", 2)]
        [TestCase("2", 2)]
        [TestCase("latest", 3)]
        [TestCase("production", 1)]
        [TestCase("candidate", 3)]
        public void Should_Resolve_A_Number_Latest_Or_An_Alias(string reference, int expected)
        {
            // Given
            using var fixture = WithThreeVersions();

            // When
            var version = fixture.Store.Registry.ResolveVersion("credit-scoring", reference);

            // Then
            Assert.That(version?.Version, Is.EqualTo(expected));
        }

        [TestCase("credit-scoring", "v7")]
        [TestCase("credit-scoring", "staging")]
        [TestCase("churn", "production")]
        public void Should_Return_Null_For_What_Does_Not_Exist(string model, string reference)
        {
            // Given
            using var fixture = WithThreeVersions();

            // When
            var version = fixture.Store.Registry.ResolveVersion(model, reference);

            // Then
            Assert.That(version, Is.Null);
        }

        [TestCase("credit-scoring", "v7", "Model 'credit-scoring' has no version 7; versions: 1, 2, 3.")]
        [TestCase("credit-scoring", "staging", "Model 'credit-scoring' has no alias 'staging'; aliases: candidate (v3), production (v1).")]
        [TestCase("churn", "production", "Model 'churn' is not registered; registered models: credit-scoring.")]
        public void Should_Name_What_Exists_When_A_Version_Must_Exist(string model, string reference, string message)
        {
            // Given
            using var fixture = WithThreeVersions();

            // When
            var error = Assert.Throws<UsageException>(() => fixture.Store.Registry.GetVersion(model, reference));

            // Then
            Assert.That(error.Message, Is.EqualTo(message));
        }

        private TestStore WithThreeVersions()
        {
            var fixture = new TestStore(engine);
            fixture.Register(alias: "production");
            fixture.Register();
            fixture.Register();
            return fixture;
        }
    }

    [TestFixture(Engine.Sqlite)]
    [TestFixture(Engine.Postgres)]
    public sealed class Models(Engine engine)
    {
        [Test]
        public void Should_List_Models_By_Name_With_Versions_And_Current_Aliases()
        {
            // Given
            using var fixture = new TestStore(engine);
            fixture.Register("credit-scoring", "production");
            fixture.Register("credit-scoring", "candidate");
            fixture.Store.Registry.SetAlias("credit-scoring", "staging", 2, "ci");
            fixture.Register("churn");

            // When
            var models = fixture.Store.Registry.Models();

            // Then
            Assert.That(models.Select(model => model.Name), Is.EqualTo(new[] { "churn", "credit-scoring" }));
            var credit = models[1];
            Assert.That(credit.Versions.Select(version => (version.Version, string.Join(",", version.Aliases))),
                Is.EqualTo(new[] { (1, "production"), (2, "candidate,staging") }));
            Assert.That(credit.Latest.Version, Is.EqualTo(2));
            Assert.That(credit.WithAlias("production")?.Version, Is.EqualTo(1));
            Assert.That(credit.WithAlias("archived"), Is.Null);
        }
    }
}
