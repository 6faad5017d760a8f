namespace MlOps.Models.Training;

/// <summary>
/// The range of every numeric hyper-parameter a pipeline can set, by trainer, so that a bad value is refused
/// when the pipeline file is read instead of failing (or silently misbehaving) in the middle of training.
/// From ML.NET 6's own checks (<c>CheckUserArg</c> in the trainers' options: LightGbmTrainerBase,
/// GradientBooster, FastTreeArguments, SdcaBinary, LbfgsPredictorBase) and, for what ML.NET passes on to
/// LightGBM unchecked, LightGBM's (config_auto.cpp). Where neither checks a value that cannot work (no
/// thread, no tree, a check every 0 iterations) the range starts at 1.
/// </summary>
internal static class TrainerRanges
{
    private static readonly ParameterRange Positive = ParameterRange.AtLeast(1);
    private static readonly ParameterRange NonNegative = ParameterRange.AtLeast(0);

    private static readonly Dictionary<string, ParameterRange> LightGbm = new(StringComparer.Ordinal)
    {
        ["batch_size"] = Positive,
        ["categorical_smoothing"] = NonNegative,
        ["early_stopping_round"] = NonNegative,
        ["feature_fraction"] = ParameterRange.Fraction,
        ["l1_regularization"] = NonNegative,
        ["l2_categorical_regularization"] = NonNegative,
        ["l2_regularization"] = NonNegative,
        ["learning_rate"] = ParameterRange.Above(0),
        ["maximum_bin_count_per_feature"] = ParameterRange.AtLeast(2),
        ["maximum_categorical_split_point_count"] = Positive,
        ["maximum_tree_depth"] = NonNegative,
        ["minimum_child_weight"] = NonNegative,
        ["minimum_example_count_per_group"] = Positive,
        ["minimum_example_count_per_leaf"] = NonNegative,
        ["minimum_split_gain"] = NonNegative,
        ["number_of_iterations"] = NonNegative,
        ["number_of_leaves"] = new(2, 131072),
        ["number_of_threads"] = Positive,
        ["seed"] = ParameterRange.Any,
        ["sigmoid"] = ParameterRange.Above(0),
        ["subsample_fraction"] = ParameterRange.Fraction,
        ["subsample_frequency"] = NonNegative,
        ["weight_of_positive_examples"] = ParameterRange.Above(0),
    };

    private static readonly Dictionary<string, ParameterRange> FastTree = new(StringComparer.Ordinal)
    {
        ["bagging_example_fraction"] = ParameterRange.Share,
        ["bagging_size"] = NonNegative,
        ["bias"] = NonNegative,
        ["dropout_rate"] = ParameterRange.Share,
        ["entropy_coefficient"] = ParameterRange.Share,
        ["feature_first_use_penalty"] = NonNegative,
        ["feature_fraction"] = ParameterRange.Share,
        ["feature_fraction_per_split"] = ParameterRange.Share,
        ["feature_reuse_penalty"] = NonNegative,
        ["feature_selection_seed"] = ParameterRange.Any,
        ["gain_confidence_level"] = new(0, 1, MaxIncluded: false),
        ["get_derivatives_sample_rate"] = Positive,
        ["histogram_pool_size"] = ParameterRange.Any, // below 2: chosen from number_of_leaves
        ["learning_rate"] = ParameterRange.Above(0),
        ["maximum_bin_count_per_feature"] = ParameterRange.AtLeast(2), // ML.NET checks > 0, but fails on 1 while binning
        ["maximum_categorical_group_count_per_node"] = NonNegative,
        ["maximum_categorical_split_point_count"] = NonNegative,
        ["maximum_number_of_line_search_steps"] = NonNegative,
        ["maximum_tree_output"] = NonNegative,
        ["minimum_example_count_per_leaf"] = Positive,
        ["minimum_example_fraction_for_categorical_split"] = ParameterRange.Share,
        ["minimum_examples_for_categorical_split"] = NonNegative,
        ["minimum_step_size"] = NonNegative,
        ["number_of_leaves"] = ParameterRange.AtLeast(2),
        ["number_of_threads"] = Positive,
        ["number_of_trees"] = Positive,
        ["pruning_threshold"] = NonNegative,
        ["pruning_window_size"] = Positive,
        ["seed"] = ParameterRange.Any,
        ["shrinkage"] = ParameterRange.Above(0),
        ["smoothing"] = ParameterRange.Share,
        ["softmax_temperature"] = NonNegative,
        ["sparsify_threshold"] = ParameterRange.Share,
        ["test_frequency"] = Positive,
    };

    private static readonly Dictionary<string, ParameterRange> Sdca = new(StringComparer.Ordinal)
    {
        ["bias_learning_rate"] = NonNegative,
        ["convergence_check_frequency"] = Positive,
        ["convergence_tolerance"] = ParameterRange.Fraction,
        ["l1_regularization"] = NonNegative,
        ["l2_regularization"] = NonNegative,
        ["maximum_number_of_iterations"] = Positive,
        ["number_of_threads"] = Positive,
        ["positive_instance_weight"] = ParameterRange.Above(0),
    };

    private static readonly Dictionary<string, ParameterRange> Lbfgs = new(StringComparer.Ordinal)
    {
        ["history_size"] = Positive,
        ["initial_weights_diameter"] = NonNegative,
        ["l1_regularization"] = NonNegative,
        ["l2_regularization"] = NonNegative,
        ["maximum_number_of_iterations"] = Positive,
        ["number_of_threads"] = Positive,
        ["optimization_tolerance"] = ParameterRange.Above(0),
        ["stochastic_gradient_descent_initilaization_tolerance"] = NonNegative,
    };

    /// <summary>The range of <paramref name="trainer"/>'s parameter <paramref name="name"/>; null when it has none (a switch, a choice).</summary>
    public static ParameterRange? Of(string trainer, string name) => trainer switch
    {
        "lightgbm" => LightGbm.GetValueOrDefault(name),
        "fasttree" => FastTree.GetValueOrDefault(name),
        "sdca" => Sdca.GetValueOrDefault(name),
        "lbfgs" => Lbfgs.GetValueOrDefault(name),
        _ => null,
    };
}
