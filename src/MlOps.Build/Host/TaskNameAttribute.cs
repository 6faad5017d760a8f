namespace MlOps.Build.Host;

/// <summary>The name users pass to <c>--target</c>; without it the class name less "Task".</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class TaskNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
