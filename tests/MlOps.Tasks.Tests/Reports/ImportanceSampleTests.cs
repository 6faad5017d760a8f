using MlOps.Tasks.Reports;

namespace MlOps.Tasks.Tests.Reports;

public sealed class ImportanceSampleTests
{
    [Test]
    public void Should_Take_No_More_Rows_Than_The_Bound_Each_Once_In_Order()
    {
        // When
        var rows = ImportanceSample.Rows(4000, 1000, 42);

        // Then
        Assert.That(rows, Has.Count.EqualTo(1000));
        Assert.That(rows, Is.Unique.And.Ordered.And.All.InRange(0, 3999));
    }

    [Test]
    public void Should_Take_The_Same_Rows_For_The_Same_Seed()
    {
        // When
        var first = ImportanceSample.Rows(4000, 1000, 42);
        var second = ImportanceSample.Rows(4000, 1000, 42);

        // Then
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Take(5), Is.EqualTo(new[] { 4, 6, 7, 10, 12 }), "the hash fixes the rows, whatever the machine or .NET version");
    }

    [Test]
    public void Should_Take_Other_Rows_For_Another_Seed()
    {
        // When
        var first = ImportanceSample.Rows(4000, 1000, 42);
        var other = ImportanceSample.Rows(4000, 1000, 7);

        // Then
        Assert.That(other, Is.Not.EqualTo(first));
    }

    [Test]
    public void Should_Take_Every_Row_When_The_Held_Out_Set_Is_Within_The_Bound()
    {
        // When
        var rows = ImportanceSample.Rows(800, 1000, 42);

        // Then
        Assert.That(rows, Is.EqualTo(Enumerable.Range(0, 800)));
    }

    [Test]
    public void Should_Refuse_A_Bound_That_Is_Not_Positive()
    {
        // When
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ImportanceSample.Rows(800, 0, 42));

        // Then
        Assert.That(error.Message, Is.EqualTo("bound ('0') must be a non-negative and non-zero value. (Parameter 'bound')\nActual value was 0."));
    }
}
