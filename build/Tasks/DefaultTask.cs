using MlOps.Build.Host;

namespace MlOps.Build.Tasks;

[TaskName("Default")]
[TaskDescription("The pipeline: every stage up to a checked model (today: the data gate and training).")]
[IsDependentOn(typeof(TrainTask))]
internal sealed class DefaultTask : BuildTask;
