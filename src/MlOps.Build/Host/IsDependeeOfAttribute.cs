namespace MlOps.Build.Host;

/// <summary>The task becomes a dependency of <paramref name="task"/> (a task class).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class IsDependeeOfAttribute(Type task) : Attribute
{
    public Type Task { get; } = task;
}
