
using MlOps.Tasks.Tests.Expectations;

namespace MlOps.Tasks.Tests.Profiling;

public sealed class ProfileTests
{
    private const string Schema = "schema:\n  label: c\n  positive: a\n  columns:\n    - { name: x, type: numeric }\n    - { name: c, type: categorical }\n";

    [Test]
    public void Should_Profile_Numbers_With_Decile_Bins_And_Categories_With_Frequencies()
    {
        // Given
        var csv = "x,c\n" + string.Concat(Enumerable.Range(1, 100).Select(i => $"{i},{(i % 4 == 0 ? "a" : "b")}\n")) + ",b\n";

        // When
        var profile = TableValidation.Run(csv, Schema).Profile;

        // Then
        var x = profile.Columns.Single(c => c.Name == "x");
        Assert.That((x.Count, x.Missing, x.Min, x.Max, x.Mean), Is.EqualTo((100L, 1L, (double?)1, (double?)100, (double?)50.5)));
        Assert.That(x.Histogram!.Edges, Has.Count.EqualTo(11));
        Assert.That(x.Histogram.Counts.Sum(), Is.EqualTo(100));
        Assert.That(x.Quantiles!["0.5"], Is.EqualTo(51), "numpy nearest: position 49.5 rounds to even 50");
        Assert.That(profile.Columns.Select(p => p.Name), Is.EqualTo(new[] { "x", "c" }), "file order");
        var c = profile.Columns.Single(p => p.Name == "c");
        Assert.That(c.Frequencies, Is.EqualTo(new Dictionary<string, long> { ["b"] = 76, ["a"] = 25 }));
    }
}
