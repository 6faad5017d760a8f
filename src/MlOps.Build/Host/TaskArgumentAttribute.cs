namespace MlOps.Build.Host;

/// <summary>
/// An option the task reads (<c>--name=value</c>). Declaring it makes it valid on the command line
/// and lists it in <c>--help</c>; an option no task declares is an error.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class TaskArgumentAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;
}
