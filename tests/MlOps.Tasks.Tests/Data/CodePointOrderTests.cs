using MlOps.Tasks.Data;

namespace MlOps.Tasks.Tests.Data;

public sealed class CodePointOrderTests
{
    [TestCase("a", "b", -1)]
    [TestCase("ab", "a", 1)]
    [TestCase("", "", 0)]
    [TestCase("\uE000", "\U0001F600", -1)]
    [TestCase("\U0001F600", "\uFFFD", 1)]
    public void Should_Order_By_Unicode_Code_Point(string left, string right, int expected)
    {
        // When
        var order = CodePointOrder.Compare(left, right);

        // Then
        Assert.That(Math.Sign(order), Is.EqualTo(expected));
    }
}
