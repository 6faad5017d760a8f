using MlOps.Build.Host;

namespace MlOps.Build.Tasks;

[TaskName("Default")]
[TaskDescription("The pipeline: every stage up to a checked model (data gate, training, validation and fairness gates).")]
[IsDependentOn(typeof(BiasCheckTask))]
internal sealed class DefaultTask : BuildTask;
