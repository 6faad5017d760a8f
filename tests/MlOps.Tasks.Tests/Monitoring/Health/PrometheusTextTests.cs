using MlOps.Tasks.Monitoring.Health;

namespace MlOps.Tasks.Tests.Monitoring.Health;

public sealed class PrometheusTextTests
{
    public sealed class Parse
    {
        [Test]
        public void Should_Read_Every_Sample_Of_The_Scoring_Server()
        {
            // When
            var samples = PrometheusText.Parse(ScrapedMetrics.First);

            // Then
            Assert.That(samples, Has.Count.EqualTo(40));
            Assert.That(samples.Single(s => s.Name == "mlops_requests_total" && s.Label("status") == "400").Value, Is.EqualTo(7));
            Assert.That(samples.Single(s => s.Name == "mlops_request_duration_seconds_bucket" && s.Label("le") == "+Inf").Value, Is.EqualTo(38));
            Assert.That(samples.Single(s => s.Name == "mlops_model_info").Label("bundle_sha256"), Is.EqualTo("b872dccf9c324fe59ed950c8d2fbd7ddc51981425ea6ed4a7be5f30d95e81d63"));
            Assert.That(samples.Single(s => s.Name == "mlops_feature_category_total" && s.Label("value") == "female").Value, Is.EqualTo(600));
        }

        [Test]
        public void Should_Unescape_Label_Values_And_Keep_Unknown_Escapes_As_Prometheus_Does()
        {
            // Given
            const string Text = """msg{path="C:\\data",quote="say \"hi\"",lines="a\nb",other="\t",empty=""} 1""";

            // When
            var sample = PrometheusText.Parse(Text).Single();

            // Then
            Assert.That(sample.Labels, Is.EqualTo(new Dictionary<string, string>
            {
                ["path"] = @"C:\data", ["quote"] = "say \"hi\"", ["lines"] = "a\nb", ["other"] = @"\t", ["empty"] = "",
            }));
        }

        [Test]
        public void Should_Read_Special_Values_Timestamps_Blanks_And_A_Trailing_Comma()
        {
            // Given
            const string Text = "# a plain comment\n\n  up 1 1700000000000\r\n"
                + "a{x=\"1\",} +Inf\nb\t-Inf\nc NaN -5\nd { x = \"1\" , y=\"2\" } 1.5e-3\ne{} .5\n#HELP is a comment too\n";

            // When
            var samples = PrometheusText.Parse(Text);

            // Then
            Assert.That(samples.Select(s => s.Name), Is.EqualTo(new[] { "up", "a", "b", "c", "d", "e" }));
            Assert.That(samples.Select(s => s.Value), Is.EqualTo(new[] { 1, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 0.0015, 0.5 }));
            Assert.That(samples.Select(s => s.Timestamp), Is.EqualTo(new long?[] { 1700000000000, null, null, -5, null, null }));
            Assert.That(samples[4].Labels, Has.Count.EqualTo(2));
        }

        [Test]
        public void Should_Fail_Only_With_A_FormatException_On_Damaged_Text()
        {
            // Given: the server's text with a character dropped, doubled or replaced, at seeded random places
            var random = new Random(8);
            const string Characters = "{}=\",\\ \t\n#+-.e0Ia_";
            var damaged = Enumerable.Range(0, 2000).Select(_ =>
            {
                var text = ScrapedMetrics.First;
                var at = random.Next(text.Length);
                return random.Next(3) switch
                {
                    0 => text.Remove(at, 1),
                    1 => text.Insert(at, text[at].ToString()),
                    _ => text.Remove(at, 1).Insert(at, Characters[random.Next(Characters.Length)].ToString()),
                };
            });

            // When
            var failures = damaged.Select(text =>
            {
                try
                {
                    PrometheusText.Parse(text);
                    return null;
                }
                catch (Exception e)
                {
                    return e;
                }
            }).OfType<Exception>().ToList();

            // Then
            Assert.That(failures, Is.Not.Empty.And.All.TypeOf<FormatException>());
            Assert.That(failures.Select(e => e.Message), Is.All.Match(@"^Line \d+: expected .+\.$"));
        }

        [TestCase("a{x=\"1\"} 1\nb{x=\"1\" 1", "Line 2: expected ',' or '}' after the value of the label 'x', found '1' at column 9.")]
        [TestCase("a{x=\"1} 1", "Line 1: expected '\"' to close the value of the label 'x', found the end of the line.")]
        [TestCase("a{x:1} 1", "Line 1: expected '=' after the label name 'x', found ':' at column 4.")]
        [TestCase("a{x=1} 1", "Line 1: expected '\"' to open the value of the label 'x', found '1' at column 5.")]
        [TestCase("a{1x=\"1\"} 1", "Line 1: expected a label name or '}' in the labels of 'a', found '1' at column 3.")]
        [TestCase("a{x=\"1\",x=\"2\"} 1", "Line 1: expected each label once, found 'x' twice in the labels of 'a'.")]
        [TestCase("# TYPE a counter\n\na", "Line 3: expected '{' or a blank after the metric name 'a', found the end of the line.")]
        [TestCase("a-b 1", "Line 1: expected '{' or a blank after the metric name 'a', found '-' at column 2.")]
        [TestCase("a{x=\"1\"}1", "Line 1: expected a blank after the labels of 'a', found '1' at column 9.")]
        [TestCase("a one", "Line 1: expected a number, +Inf, -Inf or NaN as the value of 'a', found 'one'.")]
        [TestCase("a 1 2.5", "Line 1: expected a timestamp in milliseconds after the value of 'a', found '2.5'.")]
        [TestCase("a 1 2 3", "Line 1: expected the end of the line after the timestamp of 'a', found '3' at column 7.")]
        [TestCase("9a 1", "Line 1: expected a metric name, found '9' at column 1.")]
        [TestCase("# TYPE a countr", "Line 1: expected one of counter, gauge, histogram, summary, untyped after '# TYPE a', found 'countr'.")]
        [TestCase("# HELP", "Line 1: expected a metric name after '# HELP', found the end of the line.")]
        public void Should_Name_The_Line_And_What_Was_Expected(string text, string message)
        {
            // When
            var error = Assert.Throws<FormatException>(() => PrometheusText.Parse(text));

            // Then
            Assert.That(error!.Message, Is.EqualTo(message));
        }
    }
}
