namespace MlOps.Tasks.Fairness;

/// <summary>
/// Which group each row is in: <see cref="Rows"/> indexes <see cref="Names"/>. Only groups with rows exist,
/// in a fixed order (values in ordinal order, bins in edge order, the unassigned group last).
/// </summary>
/// <param name="Names">The groups.</param>
/// <param name="Rows">Each row's group.</param>
/// <param name="Unassigned">Per group: rows whose value is missing or outside the bins, which form no real group.</param>
internal sealed record Grouping(IReadOnlyList<string> Names, IReadOnlyList<int> Rows, IReadOnlyList<bool> Unassigned)
{
    /// <summary>The group of categorical rows whose value is missing (null or empty).</summary>
    public const string Missing = "(missing)";

    /// <summary>The group of numeric rows whose value is missing, not a number, or outside all bins.</summary>
    public const string MissingOrOutOfBins = "(missing or out of bins)";

    /// <summary>Groups the rows by the attribute's value or bin.</summary>
    public static Grouping Of(ProtectedColumn attribute) =>
        attribute.Bins.Count == 0 ? ByValue(attribute.Values) : ByBin(attribute);

    /// <summary>Groups the rows by every combination of the parts' groups that occurs, named like <c>female &amp; [25, 40)</c>.</summary>
    public static Grouping Intersect(IReadOnlyList<Grouping> parts)
    {
        var keys = new long[parts[0].Rows.Count];
        for (var row = 0; row < keys.Length; row++)
        {
            foreach (var part in parts)
            {
                keys[row] = checked((keys[row] * part.Names.Count) + part.Rows[row]);
            }
        }

        // Mixed-radix keys sort like the tuples of group indices, so the first attribute varies slowest.
        var present = keys.Distinct().Order().ToList();
        var index = present.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i);
        var names = new List<string>(present.Count);
        var unassigned = new List<bool>(present.Count);
        foreach (var key in present)
        {
            var components = new string[parts.Count];
            var rest = key;
            var anyUnassigned = false;
            for (var p = parts.Count - 1; p >= 0; p--)
            {
                var group = (int)(rest % parts[p].Names.Count);
                rest /= parts[p].Names.Count;
                components[p] = parts[p].Names[group];
                anyUnassigned |= parts[p].Unassigned[group];
            }

            names.Add(string.Join(" & ", components));
            unassigned.Add(anyUnassigned);
        }

        return new Grouping(names, keys.Select(k => index[k]).ToArray(), unassigned);
    }

    private static Grouping ByValue(IReadOnlyList<string?> values)
    {
        var names = values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var rows = values.Select(v => string.IsNullOrEmpty(v) ? -1 : index[v]).ToArray();
        return WithUnassigned(names, rows, Missing);
    }

    private static Grouping ByBin(ProtectedColumn attribute)
    {
        var bins = BinEdges.Of(attribute.Column, attribute.Bins, attribute.Closed);
        var found = attribute.Values.Select(bins.Find).ToArray();

        // Only bins that hold rows are groups: an empty bin has no rates to compare.
        var used = found.Where(b => b >= 0).Distinct().Order().ToList();
        var index = used.Select((bin, i) => (bin, i)).ToDictionary(p => p.bin, p => p.i);
        var rows = found.Select(b => b < 0 ? -1 : index[b]).ToArray();
        return WithUnassigned(used.Select(bins.Label).ToList(), rows, MissingOrOutOfBins);
    }

    private static Grouping WithUnassigned(List<string> names, int[] rows, string unassignedName)
    {
        var unassigned = names.Select(_ => false).ToList();
        if (rows.Contains(-1))
        {
            for (var row = 0; row < rows.Length; row++)
            {
                rows[row] = rows[row] < 0 ? names.Count : rows[row];
            }

            names.Add(unassignedName);
            unassigned.Add(true);
        }

        return new Grouping(names, rows, unassigned);
    }
}
