using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Pipeline;

public sealed class ValidationChecksTests
{
    private static readonly string Head =
        PipelineYaml.Named("p").WithSchema("y", "x: numeric", "c: categorical", "y: categorical").WithProtected("- column: c").ToString();

    private static string LoadFails(string yaml)
    {
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", Head + yaml);
        return Assert.Throws<InvalidFileException>(() => PipelineFile.Load(temp.Path, "pipelines/p.yaml"))!.Message;
    }

    [Test]
    public void Should_Name_The_Metrics_When_One_Is_Unknown()
    {
        Assert.That(LoadFails("validation:\n  min: { acu: 0.7 }\n"), Is.EqualTo(
            "pipelines/p.yaml:14:10: Unknown metric 'acu' in 'validation.min'. Did you mean 'auc'? " +
            "Expected one of: auc, auc_pr, accuracy, precision, recall, f1, log_loss, brier, calibration_error."));
    }

    [TestCase("min: { auc: 2 }", "pipelines/p.yaml:14:10: 'validation.min.auc' must be between 0 and 1, not 2: no model reaches it.")]
    [TestCase("max: { calibration_error: -0.1 }", "pipelines/p.yaml:14:10: 'validation.max.calibration_error' must be between 0 and 1, not -0.1: no model reaches it.")]
    [TestCase("max: { log_loss: -1 }", "pipelines/p.yaml:14:10: 'validation.max.log_loss' must be at least 0, not -1: no model reaches it.")]
    public void Should_Refuse_A_Limit_No_Model_Can_Reach(string limits, string message)
    {
        Assert.That(LoadFails($"validation:\n  {limits}\n"), Is.EqualTo(message));
    }

    [Test]
    public void Should_Refuse_A_Group_Size_Below_One()
    {
        Assert.That(LoadFails("fairness:\n  min_group_size: -5\n"), Is.EqualTo(
            "pipelines/p.yaml:14:19: 'fairness.min_group_size' must be at least 1, not -5."));
    }

    [Test]
    public void Should_Refuse_A_Behavioural_Test_Of_Two_Kinds()
    {
        Assert.That(LoadFails("validation:\n  behaviour:\n    - { name: t, invariance: c, directional: x, values: [a] }\n"), Is.EqualTo(
            "pipelines/p.yaml:15:7: Behavioural test 't' needs exactly one of 'invariance', 'directional' or 'minimum_functionality'."));
    }

    [TestCase("{ name: t, directional: c, multiply: 2, expect: decrease }", "15:31: Behavioural test 't' needs a numeric column.")]
    [TestCase("{ name: t, directional: x, expect: decrease }", "15:31: Behavioural test 't' needs 'multiply' or 'add'.")]
    [TestCase("{ name: t, invariance: c }", "15:30: Behavioural test 't' lists no 'values' to put in the column.")]
    [TestCase("{ name: t, invariance: z, values: [a] }", "15:30: Behavioural test 't' names 'z', which is not a feature column of schema.columns.")]
    [TestCase("{ name: t, invariance: c, values: [a], max_failure_rate: 2 }", "15:64: Behavioural test 't' needs 'max_failure_rate' between 0 and 1.")]
    public void Should_Say_What_A_Behavioural_Test_Lacks(string test, string message)
    {
        Assert.That(LoadFails($"validation:\n  behaviour:\n    - {test}\n"), Is.EqualTo($"pipelines/p.yaml:{message}"));
    }

    [Test]
    public void Should_Name_The_Fairness_Limits_When_One_Is_Unknown()
    {
        Assert.That(LoadFails("fairness:\n  max: { demographic_parity: 0.1 }\n"), Does.StartWith(
            "pipelines/p.yaml:14:10: Unknown fairness limit 'demographic_parity' in 'fairness.max'."));
    }

    [Test]
    public void Should_Refuse_A_Privileged_Group_Of_An_Unprotected_Column()
    {
        Assert.That(LoadFails("fairness:\n  privileged: { x: 1 }\n"), Is.EqualTo(
            "pipelines/p.yaml:14:17: 'fairness.privileged' names 'x', which is not in schema.protected."));
    }
}
