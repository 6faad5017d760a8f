using MlOps.Tasks.Monitoring;

namespace MlOps.Tasks.Tests.Monitoring;

public sealed class MonitorSinceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [TestCase("30m", "2026-11-26T11:30:00Z")]
    [TestCase("24h", "2026-11-25T12:00:00Z")]
    [TestCase("7d", "2026-11-19T12:00:00Z")]
    [TestCase("2026-11-26T08:00:00Z", "2026-11-26T08:00:00Z")]
    [TestCase("2026-11-26T09:00:00+01:00", "2026-11-26T08:00:00Z")]
    [TestCase("2026-11-26 08:00", "2026-11-26T08:00:00Z")]
    public void Should_Count_Back_A_Duration_Or_Take_A_Time(string text, string expected)
    {
        // When
        var since = MonitorSince.Parse(text, Now);

        // Then
        Assert.That(since, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("yesterday")]
    [TestCase("5s")]
    [TestCase("-3h")]
    [TestCase("")]
    public void Should_Refuse_What_Is_Neither_With_Examples(string text)
    {
        // When
        var error = Assert.Throws<UsageException>(() => MonitorSince.Parse(text, Now));

        // Then
        Assert.That(error!.Message, Is.EqualTo($"--since={text} is neither a duration (e.g. 30m, 24h, 7d) nor a time (e.g. 2026-11-26T08:00:00Z)."));
    }
}
