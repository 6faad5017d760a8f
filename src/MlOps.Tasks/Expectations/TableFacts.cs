using MlOps.Tasks.Profiling;

namespace MlOps.Tasks.Expectations;

/// <summary>What is known about the whole table once it has been read.</summary>
internal sealed record TableFacts(long RowCount, IReadOnlyList<string> Columns, IReadOnlyDictionary<string, NumericSummary> Summaries);
