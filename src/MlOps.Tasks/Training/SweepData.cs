using MlOps.Models.Schema;
using MlOps.Models.Tables;
using MlOps.Models.Training;

namespace MlOps.Tasks.Training;

/// <summary>What a sweep's trials are scored on.</summary>
/// <param name="Experiment">The pipeline's name: the trials' experiment.</param>
/// <param name="Table">The table read for training.</param>
/// <param name="Schema">Its schema.</param>
/// <param name="Folds">The cross-validation folds of the training rows (never the held-out rows).</param>
/// <param name="Objective">The metric optimised.</param>
/// <param name="Minimises">Whether lower is better.</param>
internal sealed record SweepData(string Experiment, TableData Table, ModelSchema Schema, IReadOnlyList<DataSplit> Folds, string Objective, bool Minimises);
