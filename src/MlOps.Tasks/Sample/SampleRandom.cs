namespace MlOps.Tasks.Sample;

/// <summary>
/// SplitMix64, and distributions built only from +, −, × and ÷, which IEEE 754 rounds the same way on
/// every machine; so the sample's bytes (and data.dvc's md5) do not depend on the OS's maths library.
/// </summary>
internal sealed class SampleRandom(long seed)
{
    private ulong state = unchecked((ulong)seed);

    public ulong NextBits()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double Uniform() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * Uniform());

    /// <summary>Standard normal, approximately: the Irwin–Hall sum of twelve uniforms, minus six.</summary>
    public double Normal()
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += Uniform();
        }

        return sum - 6.0;
    }

    public bool Chance(double probability) => Uniform() < probability;

    /// <summary>An index drawn with the given weights (which need not sum to 1).</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var draw = Uniform() * total;
        for (var i = 0; i < weights.Length - 1; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
