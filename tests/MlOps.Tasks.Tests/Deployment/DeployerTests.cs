using MlOps.Tasks.Deployment;
using MlOps.Tasks.Tests.Tracking;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Deployment;

public sealed class DeployerTests
{
    // Marks a version as rolled back from 'local' by a (recorded) deployment numbered 1.
    private static void RolledBack(TestStore fixture, int version)
    {
        var rollback = fixture.Store.Deployments.RecordDeployment(TestDeployments.Record(1, action: DeploymentAction.Rollback), "production");
        fixture.Store.Deployments.Mark("credit-scoring", "local", version, rollback.Id, "ci");
    }

    public sealed class RefuseRolledBack
    {
        [Test]
        public void Should_Refuse_A_Version_Rolled_Back_From_The_Environment_Unless_It_Is_Named()
        {
            // Given
            using var fixture = new TestStore();
            var version = fixture.Register();
            RolledBack(fixture, version.Version);

            // When
            var refused = Assert.Throws<QualityGateException>(() => Deployer.RefuseRolledBack(fixture.Store, "local", version, named: false));

            // Then
            Assert.That(refused.Message, Is.EqualTo("v1 was rolled back from 'local' by deployment 1; deploy it with --version=1, or train a new version."));
            Assert.That(() => Deployer.RefuseRolledBack(fixture.Store, "local", version, named: true), Throws.Nothing);
        }

        [TestCase("docker", 1, TestName = "Should_Deploy_A_Version_Rolled_Back_From_Another_Environment")]
        [TestCase("local", 2, TestName = "Should_Deploy_A_Newer_Version_Than_The_One_Rolled_Back")]
        public void Should_Deploy_What_No_Rollback_Left_There(string environment, int deployed)
        {
            // Given
            using var fixture = new TestStore();
            fixture.Register();
            fixture.Register();
            RolledBack(fixture, 1);

            // When
            var version = fixture.Store.Registry.GetVersion("credit-scoring", deployed.ToString(System.Globalization.CultureInfo.InvariantCulture));

            // Then
            Assert.That(() => Deployer.RefuseRolledBack(fixture.Store, environment, version, named: false), Throws.Nothing);
        }

        [Test]
        public void Should_Deploy_A_Version_Whose_Mark_Was_Cleared()
        {
            // Given
            using var fixture = new TestStore();
            var version = fixture.Register();
            RolledBack(fixture, 1);

            // When
            fixture.Store.Deployments.ClearMark("credit-scoring", "local", 1);

            // Then
            Assert.That(() => Deployer.RefuseRolledBack(fixture.Store, "local", version, named: false), Throws.Nothing);
        }
    }
}
