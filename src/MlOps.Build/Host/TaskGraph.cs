using MlOps.Tasks;

namespace MlOps.Build.Host;

/// <summary>
/// The tasks and their edges (IsDependentOn plus IsDependeeOf turned around), checked before Cake's
/// engine sees them so that an unknown target or a cycle gets a message a user can act on.
/// </summary>
internal sealed class TaskGraph
{
    private readonly Dictionary<string, TaskDefinition> byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> dependencies = new(StringComparer.OrdinalIgnoreCase);

    public TaskGraph(IEnumerable<TaskDefinition> tasks)
    {
        var list = tasks.ToList();
        var byType = list.ToDictionary(t => t.Type);
        foreach (var task in list)
        {
            if (!byName.TryAdd(task.Name, task))
            {
                throw new InvalidOperationException($"Two task classes are named '{task.Name}': {byName[task.Name].Type.Name} and {task.Type.Name}.");
            }

            dependencies[task.Name] = [];
        }

        string NameOf(Type type, TaskDefinition user) => byType.TryGetValue(type, out var t) ? t.Name
            : throw new InvalidOperationException($"{user.Type.Name} names {type.Name} as a dependency, but it is not a registered task.");
        foreach (var task in list)
        {
            dependencies[task.Name].AddRange(task.DependsOn.Select(d => NameOf(d, task)));
            foreach (var dependee in task.DependeeOf)
            {
                dependencies[NameOf(dependee, task)].Add(task.Name);
            }
        }
    }

    public IEnumerable<TaskDefinition> Tasks => byName.Values.OrderBy(t => t.Name, StringComparer.Ordinal);

    public TaskDefinition this[string name] => byName[name];

    public IReadOnlyList<string> DependenciesOf(string name) => dependencies[name];

    /// <summary>Checks that every target exists and no cycle is reachable from them.</summary>
    /// <exception cref="UsageException">A target does not exist, or the graph has a cycle (its path is named).</exception>
    public void CheckTargets(IEnumerable<string> targets)
    {
        foreach (var target in targets)
        {
            if (!byName.TryGetValue(target, out var task))
            {
                var names = Tasks.Select(t => t.Name).ToList();
                var hint = Spelling.Closest(target, names) is { } close ? $" Did you mean '{close}'?" : "";
                throw new UsageException($"Task '{target}' does not exist.{hint} Available tasks: {string.Join(", ", names)}.");
            }

            FindCycle(task.Name, [], new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        }
    }

    /// <summary>The order tasks run in for <paramref name="targets"/>: dependencies first, each once.</summary>
    public IReadOnlyList<string> Plan(IEnumerable<string> targets, bool exclusive)
    {
        var order = new List<string>();
        void Visit(string name)
        {
            if (order.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return;
            }

            foreach (var dependency in dependencies[name])
            {
                Visit(dependency);
            }

            order.Add(byName[name].Name);
        }

        foreach (var target in targets)
        {
            if (exclusive)
            {
                order.Add(byName[target].Name);
            }
            else
            {
                Visit(target);
            }
        }

        return order.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private void FindCycle(string name, List<string> path, HashSet<string> cleared)
    {
        if (cleared.Contains(name))
        {
            return;
        }

        var index = path.FindIndex(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            var cycle = path.Skip(index).Append(name);
            throw new UsageException($"Circular dependency: {string.Join(" -> ", cycle)}. Remove one of these IsDependentOn/IsDependeeOf edges.");
        }

        path.Add(name);
        foreach (var dependency in dependencies[name])
        {
            FindCycle(byName[dependency].Name, path, cleared);
        }

        path.RemoveAt(path.Count - 1);
        cleared.Add(name);
    }
}
