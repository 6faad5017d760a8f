using Amazon.Runtime;
using MlOps.Tasks.Storage;

namespace MlOps.Tasks.Tests.Storage;

public sealed class S3SettingsTests
{
    public class CredentialSource
    {
        [TestCase(null, null, "the credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or the default profile in ~/.aws/credentials")]
        [TestCase("AKIA0000", null, "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials)")]
        [TestCase("AKIA0000", "team", "profile 'team' in ~/.aws/credentials (AWS_PROFILE)")]
        public void Should_Name_What_The_User_Set(string? accessKeyId, string? profile, string expected)
        {
            // Given
            var environment = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = accessKeyId, ["AWS_PROFILE"] = profile };

            // When
            var source = S3Settings.CredentialSource(new S3StoreOptions(), name => environment.GetValueOrDefault(name));

            // Then
            Assert.That(source, Is.EqualTo(expected));
        }

        [Test]
        public void Should_Name_The_Profile_Option_Or_The_Credentials_Given_Before_The_Environment()
        {
            // Given
            var environment = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIA0000", ["AWS_PROFILE"] = "team" };
            string? Lookup(string name) => environment.GetValueOrDefault(name);

            // When
            var byProfile = S3Settings.CredentialSource(new S3StoreOptions(Profile: "ci"), Lookup);
            var byCredentials = S3Settings.CredentialSource(new S3StoreOptions(Credentials: new BasicAWSCredentials("a", "b")), Lookup);

            // Then
            Assert.That(byProfile, Is.EqualTo("profile 'ci' in ~/.aws/credentials (the profile option)"));
            Assert.That(byCredentials, Is.EqualTo("the credentials given to the store"));
        }
    }

    public class Profile
    {
        [Test]
        public void Should_Refuse_A_Profile_That_Does_Not_Exist()
        {
            // When
            var refused = Assert.Throws<UsageException>(() => S3Settings.Profile("mlops-no-such-profile-7f3a"));

            // Then
            Assert.That(refused!.Message, Is.EqualTo("AWS profile 'mlops-no-such-profile-7f3a' is not in ~/.aws/credentials or ~/.aws/config "
                + "(AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE), or has no credentials."));
        }
    }
}
