using Cake.Core;

namespace MlOps.Build.Host;

/// <summary>Work before the first task and after the last, as Frosting's lifetime; not run by <c>--dryrun</c>.</summary>
internal abstract class BuildLifetime
{
    /// <summary>Runs before any task; if it throws, no task runs but <see cref="Teardown"/> does.</summary>
    public virtual void Setup(BuildContext context, ISetupContext info)
    {
    }

    /// <summary>Runs after all tasks, also when one failed (<see cref="ITeardownContext.ThrownException"/>).</summary>
    public virtual void Teardown(BuildContext context, ITeardownContext info)
    {
    }
}
