using System.Data.Common;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Tracking;

public sealed class ModelRegistryAliasesTests
{
    [TestFixture(Engine.Sqlite)]
    [TestFixture(Engine.Postgres)]
    public sealed class SetAlias(Engine engine)
    {
        [Test]
        public void Should_Move_An_Alias_And_Append_The_Move_To_The_History()
        {
            // Given
            using var fixture = new TestStore(engine);
            fixture.Register();
            fixture.Register();
            fixture.Store.Registry.SetAlias("credit-scoring", "production", 1, "alice");
            fixture.Clock.Advance(TimeSpan.FromHours(1));

            // When
            var move = fixture.Store.Registry.SetAlias("credit-scoring", "production", 2, "bob", "AUC 0.83 beats 0.80");

            // Then
            var expected = new AliasMove("credit-scoring", "production", 1, 2, TestStore.Start.AddHours(1), "bob", "AUC 0.83 beats 0.80");
            Assert.That(move, Is.EqualTo(expected));
            Assert.That(fixture.Store.Registry.AliasHistory("credit-scoring"), Is.EqualTo(new[]
            {
                new AliasMove("credit-scoring", "candidate", null, 1, TestStore.Start, "ci", "registered v1"),
                new AliasMove("credit-scoring", "candidate", 1, 2, TestStore.Start, "ci", "registered v2"),
                new AliasMove("credit-scoring", "production", null, 1, TestStore.Start, "alice", null),
                expected,
            }));
            Assert.That(fixture.Store.Registry.ResolveVersion("credit-scoring", "production")?.Version, Is.EqualTo(2));
        }

        [Test]
        public void Should_Name_The_Versions_When_The_Version_Does_Not_Exist()
        {
            // Given
            using var fixture = new TestStore(engine);
            fixture.Register();
            fixture.Register();
            fixture.Register();

            // When
            var error = Assert.Throws<UsageException>(() => fixture.Store.Registry.SetAlias("credit-scoring", "production", 7, "alice"));

            // Then
            Assert.That(error.Message, Is.EqualTo("Model 'credit-scoring' has no version 7; versions: 1, 2, 3."));
            Assert.That(fixture.Store.Registry.AliasHistory("credit-scoring"), Has.Count.EqualTo(3));
        }

        [Test]
        public void Should_Say_So_When_No_Model_Is_Registered()
        {
            // Given
            using var fixture = new TestStore(engine);

            // When
            var error = Assert.Throws<UsageException>(() => fixture.Store.Registry.SetAlias("credit-scoring", "production", 1, "alice"));

            // Then
            Assert.That(error.Message, Is.EqualTo("Model 'credit-scoring' is not registered; no model is registered yet."));
        }
    }

    [TestFixture(Engine.Sqlite)]
    [TestFixture(Engine.Postgres)]
    public sealed class AliasHistory(Engine engine)
    {
        [TestCase("UPDATE alias_history SET to_version = 2")]
        [TestCase("DELETE FROM alias_history")]
        public void Should_Refuse_To_Change_Or_Delete_The_History_Even_Through_Sql(string sql)
        {
            // Given
            using var fixture = new TestStore(engine);
            fixture.Register();
            fixture.Register();

            // When
            var error = Assert.Throws(Is.InstanceOf<DbException>(), () => fixture.Sql(sql));

            // Then
            Assert.That(error!.Message, Does.Contain("alias_history is append-only: record a new move instead"));
            Assert.That(fixture.Store.Registry.AliasHistory("credit-scoring").Select(move => move.ToVersion), Is.EqualTo(new[] { 1, 2 }));
        }

        [Test]
        public void Should_Name_The_Registered_Models_When_The_Model_Is_Unknown()
        {
            // Given
            using var fixture = new TestStore(engine);
            fixture.Register("credit-scoring");
            fixture.Register("churn");

            // When
            var error = Assert.Throws<UsageException>(() => fixture.Store.Registry.AliasHistory("credit"));

            // Then
            Assert.That(error.Message, Is.EqualTo("Model 'credit' is not registered; registered models: churn, credit-scoring."));
        }
    }
}
