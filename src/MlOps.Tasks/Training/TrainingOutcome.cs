using MlOps.Models.Training;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Training;

/// <summary>What Train did: a new run and version, or the reuse of an earlier one.</summary>
/// <param name="Run">The run that made the model.</param>
/// <param name="Version">The registered version.</param>
/// <param name="Reused">True when nothing changed and the earlier run's outputs were reused.</param>
/// <param name="Model">The model just trained; null when reused.</param>
/// <param name="ChangedInputs">Inputs that differ from the latest earlier run ("data", "training", …); empty for the first run.</param>
/// <param name="BundlePath">The signed bundle under artifacts/.</param>
public sealed record TrainingOutcome(RunRecord Run, ModelVersion Version, bool Reused, TrainedModel? Model,
    IReadOnlyList<string> ChangedInputs, string BundlePath);
