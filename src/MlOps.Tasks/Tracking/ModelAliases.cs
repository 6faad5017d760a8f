namespace MlOps.Tasks.Tracking;

/// <summary>The aliases the tasks move in the model registry, as MLflow's registry names a version by alias.</summary>
public static class ModelAliases
{
    /// <summary>Set by Train on every new version.</summary>
    public const string Candidate = "candidate";

    /// <summary>Moved by BiasCheck to a version that passed Validate and BiasCheck; what BuildImage and Deploy take.</summary>
    public const string Staging = "staging";

    /// <summary>Moved by Deploy to the version it deployed; Validate compares a candidate with it.</summary>
    public const string Production = "production";
}
