namespace MlOps.Models.Tests.Drift;

/// <summary>
/// CPython's <c>random.Random(seed)</c> for a seed in [0, 2³²): the Mersenne Twister MT19937 seeded by
/// <c>init_by_array([seed])</c>, <c>random()</c> as 53 bits from two draws, and <c>choices</c> as CPython 3.11
/// draws them, so the streams of river's docstrings can be rebuilt value for value.
/// </summary>
internal sealed class PythonRandom
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] state = new uint[N];
    private int next = N;

    public PythonRandom(uint seed)
    {
        Seed(19650218u);
        var (i, k) = (1, N);
        for (; k > 0; k--)
        {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1664525u)) + seed;
            i++;
            if (i >= N)
            {
                state[0] = state[N - 1];
                i = 1;
            }
        }

        for (k = N - 1; k > 0; k--)
        {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= N)
            {
                state[0] = state[N - 1];
                i = 1;
            }
        }

        state[0] = 0x80000000u;
    }

    /// <summary><c>random.random()</c>: a double in [0, 1) from 27 + 26 bits.</summary>
    public double NextDouble()
    {
        var a = NextUInt() >> 5;
        var b = NextUInt() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /// <summary><c>choices(population, k=k)</c>: each pick is <c>population[floor(random() * n)]</c>.</summary>
    public IEnumerable<double> Choices(IReadOnlyList<double> population, int k) =>
        [.. Enumerable.Range(0, k).Select(_ => population[(int)Math.Floor(NextDouble() * population.Count)])];

    /// <summary>
    /// <c>choices([a, b], weights=[w, 1 - w], k=k)</c> for weights that add up to exactly 1: CPython bisects
    /// <c>random() * 1.0</c> into the cumulative weights, so a pick is <c>a</c> when the draw is below <c>w</c>.
    /// </summary>
    public IEnumerable<double> Choices(double a, double b, double firstWeight, int k) =>
        [.. Enumerable.Range(0, k).Select(_ => NextDouble() < firstWeight ? a : b)];

    private void Seed(uint seed)
    {
        state[0] = seed;
        for (var i = 1; i < N; i++)
        {
            state[i] = 1812433253u * (state[i - 1] ^ (state[i - 1] >> 30)) + (uint)i;
        }
    }

    private uint NextUInt()
    {
        if (next >= N)
        {
            Twist();
        }

        var y = state[next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        return y ^ (y >> 18);
    }

    private void Twist()
    {
        for (var i = 0; i < N; i++)
        {
            var y = (state[i] & 0x80000000u) | (state[(i + 1) % N] & 0x7fffffffu);
            state[i] = state[(i + M) % N] ^ (y >> 1) ^ ((y & 1u) == 0 ? 0u : 0x9908b0dfu);
        }

        next = 0;
    }
}
