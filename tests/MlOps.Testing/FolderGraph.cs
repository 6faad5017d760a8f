using System.Reflection;

namespace MlOps.Testing;

/// <summary>
/// The folders of an assembly (the namespace segment after its root; the root itself is "(root)") and
/// the folders each refers to, from <see cref="TypeReferences"/>: reflection over the built code.
/// </summary>
public static class FolderGraph
{
    /// <summary>The name of the root namespace's folder.</summary>
    public const string Root = "(root)";

    /// <summary>Each folder of <paramref name="assembly"/> under <paramref name="root"/> and the other folders it refers to.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Of(Assembly assembly, string root)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var ns in assembly.GetTypes().Select(t => t.Namespace).OfType<string>().Distinct())
        {
            if (FolderOf(ns, root) is not { } from)
            {
                continue;
            }

            var edges = graph.TryGetValue(from, out var existing) ? existing : graph[from] = [];
            foreach (var to in TypeReferences.OfNamespace(assembly, ns).Select(n => FolderOf(n, root)).OfType<string>())
            {
                if (to != from)
                {
                    edges.Add(to);
                }
            }
        }

        return graph.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>The folder a namespace belongs to, or null when it is outside <paramref name="root"/>.</summary>
    public static string? FolderOf(string ns, string root)
    {
        ArgumentNullException.ThrowIfNull(ns);
        if (ns == root)
        {
            return Root;
        }

        return ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..].Split('.')[0] : null;
    }

    /// <summary>One circular path (<c>A -> B -> A</c>) through each set of folders that reach each other.</summary>
    public static IReadOnlyList<string> Cycles(IReadOnlyDictionary<string, IReadOnlySet<string>> graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var reach = graph.Keys.ToDictionary(k => k, k => Reachable(graph, k), StringComparer.Ordinal);
        var cycles = new List<string>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal).Where(k => reach[k].Contains(k) && !covered.Contains(k)))
        {
            var path = PathBack(graph, start);
            covered.UnionWith(reach[start].Where(o => reach[o].Contains(start)));
            cycles.Add(string.Join(" -> ", path));
        }

        return cycles;
    }

    // The shortest path from start back to itself, breadth first.
    private static List<string> PathBack(IReadOnlyDictionary<string, IReadOnlySet<string>> graph, string start)
    {
        var before = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Queue<string>([start]);
        while (pending.TryDequeue(out var at))
        {
            foreach (var next in (graph.GetValueOrDefault(at) ?? new HashSet<string>()).Order(StringComparer.Ordinal))
            {
                if (next == start)
                {
                    var path = new List<string> { start };
                    for (var back = at; back != start; back = before[back])
                    {
                        path.Insert(1, back);
                    }

                    path.Add(start);
                    return path;
                }

                if (before.TryAdd(next, at))
                {
                    pending.Enqueue(next);
                }
            }
        }

        return [start, start];
    }

    /// <summary>The folders <paramref name="from"/> reaches by one or more references.</summary>
    public static IReadOnlySet<string> Reachable(IReadOnlyDictionary<string, IReadOnlySet<string>> graph, string from)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(graph.GetValueOrDefault(from) ?? new HashSet<string>());
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var further in graph.GetValueOrDefault(next) ?? new HashSet<string>())
                {
                    pending.Push(further);
                }
            }
        }

        return seen;
    }
}
