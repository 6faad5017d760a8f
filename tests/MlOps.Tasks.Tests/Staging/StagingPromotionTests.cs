using MlOps.Tasks.Staging;

using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Staging;

public sealed class StagingPromotionTests
{
    public sealed class ShouldMove
    {
        [TestCase(true, true, true)]
        [TestCase(true, false, false)]
        [TestCase(false, true, false)]
        [TestCase(false, false, false)]
        public void Should_Move_Staging_Only_When_Both_Validate_And_The_Fairness_Gate_Passed(bool fairnessPassed, bool validated, bool expected)
        {
            // When
            var moves = StagingPromotion.ShouldMove(fairnessPassed, validated);

            // Then
            Assert.That(moves, Is.EqualTo(expected));
        }
    }

    public sealed class NeedsWrite
    {
        [Test]
        public void Should_Write_The_Alias_When_Nothing_Is_Staging_Yet()
        {
            // When, Then
            Assert.That(StagingPromotion.NeedsWrite(staging: null, candidate: 1), Is.True);
        }

        [Test]
        public void Should_Write_The_Alias_When_It_Names_Another_Version()
        {
            // When, Then
            Assert.That(StagingPromotion.NeedsWrite(staging: 2, candidate: 1), Is.True);
        }

        [Test]
        public void Should_Leave_The_Alias_History_Alone_When_The_Candidate_Is_Already_Staging()
        {
            // When, Then
            Assert.That(StagingPromotion.NeedsWrite(staging: 3, candidate: 3), Is.False);
        }
    }

    public sealed class Alias
    {
        [Test]
        public void Should_Be_The_Alias_Deploy_Reads()
        {
            // When, Then
            Assert.That(ModelAliases.Staging, Is.EqualTo("staging"));
        }
    }
}
