using System.Reflection;

namespace MlOps.Build.Host;

/// <summary>A task class as the host sees it: name, description, edges and the options it reads.</summary>
internal sealed record TaskDefinition(
    string Name,
    Type Type,
    string Description,
    IReadOnlyList<Type> DependsOn,
    IReadOnlyList<Type> DependeeOf,
    IReadOnlyList<TaskArgumentAttribute> Arguments)
{
    public static TaskDefinition From(Type type)
    {
        if (!typeof(BuildTask).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new InvalidOperationException($"{type.Name} is not a concrete BuildTask.");
        }

        var name = type.GetCustomAttribute<TaskNameAttribute>()?.Name
            ?? (type.Name.EndsWith("Task", StringComparison.Ordinal) ? type.Name[..^4] : type.Name);
        return new TaskDefinition(
            name,
            type,
            type.GetCustomAttribute<TaskDescriptionAttribute>()?.Description ?? "",
            type.GetCustomAttributes<IsDependentOnAttribute>().Select(a => a.Task).ToList(),
            type.GetCustomAttributes<IsDependeeOfAttribute>().Select(a => a.Task).ToList(),
            type.GetCustomAttributes<TaskArgumentAttribute>().ToList());
    }

    /// <summary>Whether the task class overrides <paramref name="method"/> of <see cref="BuildTask"/>.</summary>
    public bool Overrides(string method) =>
        Type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Any(m => m.Name == method && m.DeclaringType != typeof(BuildTask) && m.GetBaseDefinition().DeclaringType == typeof(BuildTask));
}
