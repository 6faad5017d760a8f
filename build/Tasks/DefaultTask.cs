using MlOps.Build.Host;

namespace MlOps.Build.Tasks;

[TaskName("Default")]
[TaskDescription("The gated training pipeline on the pipeline's data.")]
[IsDependentOn(typeof(CheckDataTask))]
internal sealed class DefaultTask : BuildTask;
