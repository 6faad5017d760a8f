namespace MlOps.Build.Host;

/// <summary>One line shown by <c>--description</c>, <c>--tree</c> and <c>--help</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class TaskDescriptionAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
