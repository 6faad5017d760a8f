namespace MlOps.Tasks.Tests;

public sealed class UriSecretsTests
{
    [TestCase("postgresql://ci:hunter2@db/mlops", "postgresql://ci:***@db/mlops")]
    [TestCase("postgresql://ci:ab/cd+ef@db:5432/mlops", "postgresql://ci:***@db:5432/mlops")]
    [TestCase("postgresql://ci:p@ss@db/mlops?sslmode=require", "postgresql://ci:***@db/mlops?sslmode=require")]
    [TestCase("postgresql://ci@db/mlops?sslmode=require&password=hunter2", "postgresql://ci@db/mlops?sslmode=require&password=***")]
    [TestCase("http://key:secret@127.0.0.1:9000", "http://key:***@127.0.0.1:9000")]
    [TestCase("postgresql://ci@db/mlops", "postgresql://ci@db/mlops")]
    [TestCase("s3://bucket/a@b/c", "s3://bucket/a@b/c")]
    [TestCase("/srv/mlops", "/srv/mlops")]
    public void Should_Hide_A_Password_Whatever_It_Holds(string text, string shown)
    {
        // Given, When, Then
        Assert.That(UriSecrets.Mask(text), Is.EqualTo(shown));
    }
}
