using MlOps.Tasks.Fingerprints;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tests.Fingerprints;

public sealed class FingerprintTests
{
    [Test]
    public void Should_Hash_A_Section_By_Content_Not_By_Key_Order()
    {
        // Given
        var one = new TrainingSection { Parameters = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } };
        var other = new TrainingSection { Parameters = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" } };

        // When
        var first = Fingerprint.SectionHash(one);
        var second = Fingerprint.SectionHash(other);

        // Then
        Assert.That(second, Is.EqualTo(first));
        Assert.That(Fingerprint.SectionHash(one with { Seed = 7 }), Is.Not.EqualTo(first));
    }

    [Test]
    public void Should_Change_With_Any_Part_And_Name_The_Parts_That_Changed()
    {
        // Given
        var before = new Fingerprint().Add("data", "aa").Add("training", "bb");
        var after = new Fingerprint().Add("data", "aa").Add("training", "cc").Add("code", "dd");

        // When
        var changed = after.Differences(before.Parts);

        // Then
        Assert.That(after.Value, Is.Not.EqualTo(before.Value));
        Assert.That(changed, Is.EqualTo(new[] { "code", "training" }));
        Assert.That(new Fingerprint().Add("training", "bb").Add("data", "aa").Value, Is.EqualTo(before.Value));
    }
}
