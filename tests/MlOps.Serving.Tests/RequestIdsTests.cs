namespace MlOps.Serving.Tests;

/// <summary>The ids the server gives requests that bring none.</summary>
public sealed class RequestIdsTests
{
    [Test]
    public void Should_Make_A_Version_7_Uuid_Of_32_Hex_Digits()
    {
        // When
        var id = RequestIds.New();

        // Then
        Assert.That(id, Does.Match("^[0-9a-f]{12}7[0-9a-f]{3}[89ab][0-9a-f]{15}$"));
        Assert.That(Guid.ParseExact(id, "N").Version, Is.EqualTo(7));
    }

    [Test]
    public void Should_Start_With_The_Time_In_Milliseconds()
    {
        // Given
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        // When
        var id = RequestIds.New();

        // Then
        var millis = Convert.ToInt64(id[..12], 16);
        Assert.That(millis, Is.InRange(before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
    }

    [Test]
    public void Should_Never_Repeat_An_Id()
    {
        // When
        var ids = Enumerable.Range(0, 100_000).Select(_ => RequestIds.New()).ToList();

        // Then
        Assert.That(ids, Is.Unique);
    }
}
