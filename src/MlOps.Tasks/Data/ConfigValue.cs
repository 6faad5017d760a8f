namespace MlOps.Tasks.Data;

/// <summary>A value of <c>.dvc/config</c> and the line that set it, so that an unusable value is reported where it can be changed.</summary>
internal sealed record ConfigValue(string Text, SourceLocation Location);
