using System.Diagnostics;
using System.Globalization;
using Cake.Core.Diagnostics;

namespace MlOps.Build.Host;

/// <summary>Reports rows read and the rate, at most every two seconds: readable in a terminal and in CI logs.</summary>
internal sealed class RowProgress(ICakeLog log, string what) : IProgress<long>
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private TimeSpan last = TimeSpan.Zero;

    public void Report(long value)
    {
        if (watch.Elapsed - last < TimeSpan.FromSeconds(2))
        {
            return;
        }

        last = watch.Elapsed;
        var rate = value / watch.Elapsed.TotalSeconds;
        log.Information(string.Create(CultureInfo.InvariantCulture, $"{what}: {value:N0} rows ({rate:N0} rows/s)"));
    }
}
