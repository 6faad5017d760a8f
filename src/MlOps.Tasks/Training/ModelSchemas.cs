using MlOps.Models.Schema;
using MlOps.Models.Training;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Training;

/// <summary>Translates the pipeline file's sections into what MlOps.Models understands.</summary>
internal static class ModelSchemas
{
    public static ModelSchema From(SchemaSection schema) =>
        new([.. schema.Columns.Select(c => new ModelColumn(c.Name, Kind(c.Type)))], schema.Label, schema.Positive);

    public static TrainingOptions From(TrainingSection training) => new()
    {
        Trainer = training.Trainer,
        Parameters = training.Parameters,
        TestFraction = training.TestFraction,
        Folds = training.Folds,
        Seed = training.Seed,
        MaxOneHot = training.MaxOneHot,
        Exclude = training.Exclude,
    };

    private static ColumnKind Kind(ColumnType type) => type switch
    {
        ColumnType.Numeric => ColumnKind.Numeric,
        ColumnType.Categorical => ColumnKind.Categorical,
        ColumnType.Text => ColumnKind.Text,
        ColumnType.Boolean => ColumnKind.Boolean,
        _ => ColumnKind.Id,
    };
}
