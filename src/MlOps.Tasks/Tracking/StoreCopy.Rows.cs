namespace MlOps.Tasks.Tracking;

public static partial class StoreCopy
{
    // Inside the target's write transaction, in the order the foreign keys need. Ids the target assigns (metrics, alias moves,
    // deployments, marks) are left to it; a deployment's id is mapped for the rows that name it.
    private static (int Runs, int Versions, int AliasMoves, int Deployments) WriteRows(
        StoreSnapshot history, TargetKeys keys, StoreConnection to, string sourceFolder)
    {
        var runs = history.Runs.Rows.Where(row => !keys.Runs.Contains(history.Runs.Text(row, "id"))).ToList();
        runs.ForEach(row => history.Runs.Insert(to, row));
        var added = runs.Select(row => history.Runs.Text(row, "id")).ToHashSet(StringComparer.Ordinal);
        foreach (var table in new[] { history.Params, history.Tags, history.Metrics, history.Artifacts })
        {
            table.Rows.Where(row => added.Contains(table.Text(row, "run_id"))).ToList().ForEach(row => table.Insert(to, row));
        }

        history.Models.Rows.ToList().ForEach(row => history.Models.Insert(to, row));
        var versions = history.Versions;
        var newVersions = versions.Rows.Where(row => !keys.Versions.ContainsKey(StoreSnapshot.VersionOf(versions, row))).ToList();
        newVersions.ForEach(row => versions.Insert(to, versions.With(row, "source", PortableSource(versions.Text(row, "source"), sourceFolder))));

        // An alias the target has keeps pointing where the team moved it; the moves of versions it lacks are appended, in order.
        history.Aliases.Rows.ToList().ForEach(row => history.Aliases.Insert(to, row));
        var newKeys = newVersions.Select(row => StoreSnapshot.VersionOf(versions, row)).ToHashSet();
        var moves = history.AliasHistory.Rows
            .Where(row => newKeys.Contains(StoreSnapshot.VersionOf(history.AliasHistory, row, "to_version")))
            .ToList();
        moves.ForEach(row => history.AliasHistory.Insert(to, row));
        return (runs.Count, newVersions.Count, moves.Count, WriteDeployments(history, keys, to));
    }

    private static int WriteDeployments(StoreSnapshot history, TargetKeys keys, StoreConnection to)
    {
        var deployments = history.Deployments;
        var ids = new Dictionary<long, long>();
        var count = 0;
        foreach (var row in deployments.Rows)
        {
            var id = deployments.Number(row, "id");
            if (keys.Deployments.TryGetValue(deployments.Text(row, "key"), out var there))
            {
                ids[id] = there;
                continue;
            }

            // A deployment replaces an earlier one, whose id is mapped already.
            var replaces = deployments.Value(row, "replaces") is null ? (long?)null : ids[deployments.Number(row, "replaces")];
            ids[id] = deployments.InsertWithNewId(to, deployments.With(row, "replaces", replaces));
            count++;
        }

        history.Starts.Rows.ToList().ForEach(row => history.Starts.Insert(to, row));
        var marks = history.Marks;
        foreach (var row in marks.Rows)
        {
            var deployment = ids[marks.Number(row, "deployment_id")];
            if (!keys.Marks.Contains((marks.Text(row, "model"), marks.Text(row, "environment"), marks.Number(row, "version"), deployment)))
            {
                marks.Insert(to, marks.With(row, "deployment_id", deployment));
            }
        }

        history.Ends.Rows.ToList().ForEach(row => history.Ends.Insert(to, history.Ends.With(row, "deployment_id", ids[history.Ends.Number(row, "deployment_id")])));
        return count;
    }

    // Old versions name their bundle by its path on this machine; the target's machines find it as the run's artifact.
    private static string PortableSource(string source, string sourceFolder)
    {
        var artifacts = Path.Combine(sourceFolder, "artifacts");
        if (!Path.IsPathFullyQualified(source))
        {
            return source;
        }

        var relative = Path.GetRelativePath(artifacts, Path.GetFullPath(source)).Replace('\\', '/');
        return !relative.StartsWith("../", StringComparison.Ordinal) && relative != ".." && relative.Split('/', 2) is [var run, var name]
            ? ModelRegistry.BundleSource(run, name)
            : source;
    }
}
