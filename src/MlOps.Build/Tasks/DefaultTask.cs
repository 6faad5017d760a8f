using MlOps.Build.Host;

namespace MlOps.Build.Tasks;

[TaskName("Default")]
[TaskDescription("The pipeline: every stage up to a checked model (data gate, training, validation and fairness gates) and its report.")]
[IsDependentOn(typeof(ReportTask))]
internal sealed class DefaultTask : BuildTask;
