using MlOps.Tasks.Expectations;

namespace MlOps.Tasks.Tests.Expectations;

public sealed class DataValidationTests
{
    private static readonly (string Fingerprint, string Summary) Previous = ("abc123", "1,000 rows, 12/12 passed");

    public sealed class IsReusable
    {
        [Test]
        public void Should_Reuse_The_Last_Validation_When_Its_Fingerprint_Is_Unchanged_And_The_Profile_Is_There()
        {
            // When
            var summary = DataValidation.IsReusable(force: false, Previous, "abc123", profileExists: true);

            // Then
            Assert.That(summary, Is.EqualTo("1,000 rows, 12/12 passed"));
        }

        [Test]
        public void Should_Validate_Again_When_Forced()
        {
            // When, Then
            Assert.That(DataValidation.IsReusable(force: true, Previous, "abc123", profileExists: true), Is.Null);
        }

        [Test]
        public void Should_Validate_Again_When_The_Fingerprint_Changed()
        {
            // When, Then
            Assert.That(DataValidation.IsReusable(force: false, Previous, "def456", profileExists: true), Is.Null);
        }

        [Test]
        public void Should_Validate_Again_When_The_Profile_Is_Gone()
        {
            // When, Then
            Assert.That(DataValidation.IsReusable(force: false, Previous, "abc123", profileExists: false), Is.Null);
        }

        [Test]
        public void Should_Validate_When_Nothing_Passed_Before()
        {
            // When, Then
            Assert.That(DataValidation.IsReusable(force: false, previous: null, "abc123", profileExists: true), Is.Null);
        }
    }
}
