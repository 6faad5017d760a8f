using System.Globalization;
using MlOps.Models.Sweeps;

namespace MlOps.Models.Tests.Sweeps;

/// <summary>Runs a sampler against an objective, trial after trial, as a sweep would.</summary>
internal static class SweepRun
{
    /// <summary>The finished trials of <paramref name="count"/> trials of <paramref name="objective"/>, in order.</summary>
    public static List<SweepTrial> Trials(ISweepSampler sampler, SearchSpace space, int count, Func<IReadOnlyDictionary<string, string>, double> objective)
    {
        var history = new List<SweepTrial>();
        for (var number = 0; number < count; number++)
        {
            var parameters = sampler.Sample(space, history, number);
            history.Add(new SweepTrial(number, parameters, TrialState.Finished, objective(parameters), []));
        }

        return history;
    }

    /// <summary>The number named <paramref name="name"/> in <paramref name="parameters"/>.</summary>
    public static double Number(IReadOnlyDictionary<string, string> parameters, string name) =>
        double.Parse(parameters[name], NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A Float dimension over [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static SearchDimension Float(string name, double low, double high) => new(name, DimensionKind.Float) { Low = low, High = high };

    /// <summary>An Int dimension over [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static SearchDimension Int(string name, double low, double high) => new(name, DimensionKind.Int) { Low = low, High = high };

    /// <summary>A Choice dimension.</summary>
    public static SearchDimension Choice(string name, params string[] choices) => new(name, DimensionKind.Choice) { Choices = choices };
}
