using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary>
/// The schema check, as expectations: each schema column exists, numeric and boolean values parse,
/// the label is never null, and (as a warning) the file has no columns the schema does not declare.
/// </summary>
internal static class SchemaChecks
{
    public static IEnumerable<Expectation> For(SchemaSection? schema)
    {
        if (schema is null)
        {
            yield break;
        }

        foreach (var column in schema.Columns)
        {
            yield return new ColumnExistsExpectation(Declared("expect_column_to_exist", column), column.Name);
            if (column.Type is ColumnType.Numeric or ColumnType.Boolean)
            {
                var type = column.Type == ColumnType.Numeric ? "float" : "bool";
                yield return new OfTypeExpectation(Declared("expect_column_values_to_be_of_type", column) with { Type = type }, column.Name, type);
            }
        }

        var label = schema.Columns.FirstOrDefault(c => c.Name == schema.Label);
        yield return new NotNullExpectation(Declared("expect_column_values_to_not_be_null", (PipelineSection?)label ?? schema), schema.Label);
        yield return new ColumnsInSchemaExpectation(
            Declared("expect_table_columns_to_match_set", schema) with { Severity = Severity.Warning },
            schema.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal));
    }

    private static ExpectationSection Declared(string expect, PipelineSection where)
    {
        var section = new ExpectationSection { Expect = expect };
        section.Location = where.Location;
        return section;
    }
}
