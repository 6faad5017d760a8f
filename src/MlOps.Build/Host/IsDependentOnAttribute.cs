namespace MlOps.Build.Host;

/// <summary>The task runs after <paramref name="task"/> (a task class).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class IsDependentOnAttribute(Type task) : Attribute
{
    public Type Task { get; } = task;
}
