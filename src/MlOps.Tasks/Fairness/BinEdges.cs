using System.Globalization;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Fairness;

/// <summary>
/// Explicit bins of a numeric attribute. Each bin is closed on one side; the outermost edge on the other
/// side is included too (as pandas.cut's include_lowest does for the first edge when closed right), and
/// the labels say so: <c>[65, 120]</c>, not <c>[65, 120)</c>.
/// </summary>
internal sealed class BinEdges
{
    private readonly double[] edges;
    private readonly BinClosed closed;

    private BinEdges(double[] edges, BinClosed closed)
    {
        this.edges = edges;
        this.closed = closed;
    }

    /// <summary>The number of bins.</summary>
    public int Count => edges.Length - 1;

    /// <summary>The bins of <paramref name="column"/>, after checking the edges are finite and strictly ascending.</summary>
    public static BinEdges Of(string column, IReadOnlyList<double> edges, BinClosed closed)
    {
        var valid = edges.Count >= 2 && edges.All(double.IsFinite) && edges.Zip(edges.Skip(1)).All(p => p.First < p.Second);
        if (!valid)
        {
            var listed = string.Join(", ", edges.Select(e => e.ToString(CultureInfo.InvariantCulture)));
            throw new ArgumentException(
                $"Protected attribute '{column}': bins must be at least two finite edges in strictly ascending order, got [{listed}].");
        }

        return new BinEdges([.. edges], closed);
    }

    /// <summary>The label of bin <paramref name="bin"/>, e.g. <c>[18, 25)</c> or <c>(18, 25]</c>.</summary>
    public string Label(int bin)
    {
        var open = closed == BinClosed.Left || bin == 0 ? '[' : '(';
        var close = closed == BinClosed.Right || bin == Count - 1 ? ']' : ')';
        return string.Create(CultureInfo.InvariantCulture, $"{open}{edges[bin]}, {edges[bin + 1]}{close}");
    }

    /// <summary>The bin <paramref name="text"/> falls in; −1 when it is missing, not a finite number, or outside all bins.</summary>
    public int Find(string? text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value < edges[0] || value > edges[^1])
        {
            return -1;
        }

        var below = 0;
        foreach (var edge in edges)
        {
            // Closed left: count the edges at or below the value; closed right: strictly below.
            if (edge < value || (closed == BinClosed.Left && edge == value))
            {
                below++;
            }
        }

        return Math.Clamp(below - 1, 0, Count - 1);
    }
}
