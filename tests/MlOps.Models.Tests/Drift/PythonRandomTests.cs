namespace MlOps.Models.Tests.Drift;

public sealed class PythonRandomTests
{
    [Test]
    public void Should_Draw_What_CPython_Draws_For_The_Same_Seed()
    {
        // Given: python3.11 -c "import random; r = random.Random(12345); print([r.random() for _ in range(3)])"
        var random = new PythonRandom(12345);

        // When
        double[] draws = [random.NextDouble(), random.NextDouble(), random.NextDouble()];

        // Then
        Assert.That(draws, Is.EqualTo(new[] { 0.41661987254534116, 0.010169169457068361, 0.8252065092537432 }));
    }
}
