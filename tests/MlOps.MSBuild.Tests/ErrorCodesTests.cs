using System.Reflection;
using MlOps.Tasks;

namespace MlOps.MSBuild.Tests;

public sealed class ErrorCodesTests
{
    private static readonly object[] Failures =
    [
        new object[] { new UsageException("u"), "MLOPS002" },
        new object[] { new InvalidFileException(new SourceLocation("f", 1, 1), "p"), "MLOPS002" },
        new object[] { new DataMismatchException("m"), "MLOPS002" },
        new object[] { new QualityGateException("g"), "MLOPS003" },
        new object[] { new TargetInvocationException(new QualityGateException("g")), "MLOPS003" },
        new object[] { new AggregateException(new UsageException("u"), new InvalidOperationException("o")), "MLOPS002" },
        new object[] { new InvalidOperationException("o"), "MLOPS001" },
    ];

    [TestCaseSource(nameof(Failures))]
    public void Should_Number_The_Code_As_The_Exit_Code_When_A_Task_Fails(Exception failure, string code)
    {
        // When
        var given = ErrorCodes.For(failure);

        // Then
        Assert.That(given, Is.EqualTo(code));
    }
}
