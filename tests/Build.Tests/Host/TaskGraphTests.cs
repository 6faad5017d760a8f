using MlOps.Build.Host;
using MlOps.Tasks;

namespace MlOps.Build.Tests.Host;

public sealed class TaskGraphTests
{
    [TaskName("Prepare")]
    private sealed class PrepareTask : BuildTask;

    [TaskName("Train")]
    [IsDependentOn(typeof(PrepareTask))]
    private sealed class TrainTask : BuildTask;

    [TaskName("Lint")]
    [IsDependeeOf(typeof(TrainTask))]
    private sealed class LintTask : BuildTask;

    [IsDependentOn(typeof(LoopBTask))]
    private sealed class LoopATask : BuildTask;

    [IsDependentOn(typeof(LoopCTask))]
    private sealed class LoopBTask : BuildTask;

    [IsDependentOn(typeof(LoopATask))]
    private sealed class LoopCTask : BuildTask;

    private static TaskGraph Graph(params Type[] types) => new(types.Select(TaskDefinition.From));

    [Test]
    public void Should_Order_Dependencies_First_Including_Dependees()
    {
        // Given
        var graph = Graph(typeof(PrepareTask), typeof(TrainTask), typeof(LintTask));

        // When
        var plan = graph.Plan(["Train"], exclusive: false);

        // Then
        Assert.That(plan, Is.EqualTo(new[] { "Prepare", "Lint", "Train" }));
    }

    [Test]
    public void Should_Plan_Only_The_Targets_When_Exclusive()
    {
        // Given
        var graph = Graph(typeof(PrepareTask), typeof(TrainTask), typeof(LintTask));

        // When
        var plan = graph.Plan(["train"], exclusive: true);

        // Then
        Assert.That(plan, Is.EqualTo(new[] { "Train" }));
    }

    [Test]
    public void Should_Name_A_Task_By_Its_Class_Without_Task()
    {
        // When
        var definition = TaskDefinition.From(typeof(LoopATask));

        // Then
        Assert.That(definition.Name, Is.EqualTo("LoopA"));
    }

    [Test]
    public void Should_List_The_Tasks_When_A_Target_Does_Not_Exist()
    {
        // Given
        var graph = Graph(typeof(PrepareTask), typeof(TrainTask), typeof(LintTask));

        // When
        var error = Assert.Throws<UsageException>(() => graph.CheckTargets(["Trian"]));

        // Then
        Assert.That(error.Message, Is.EqualTo("Task 'Trian' does not exist. Did you mean 'Train'? Available tasks: Lint, Prepare, Train."));
    }

    [Test]
    public void Should_Name_The_Path_Of_A_Cycle()
    {
        // Given
        var graph = Graph(typeof(LoopATask), typeof(LoopBTask), typeof(LoopCTask));

        // When
        var error = Assert.Throws<UsageException>(() => graph.CheckTargets(["LoopA"]));

        // Then
        Assert.That(error.Message, Is.EqualTo("Circular dependency: LoopA -> LoopB -> LoopC -> LoopA. Remove one of these IsDependentOn/IsDependeeOf edges."));
    }

    [Test]
    public void Should_Refuse_A_Dependency_That_Is_Not_Registered()
    {
        // When
        var error = Assert.Throws<InvalidOperationException>(() => Graph(typeof(TrainTask)));

        // Then
        Assert.That(error.Message, Is.EqualTo("TrainTask names PrepareTask as a dependency, but it is not a registered task."));
    }
}
