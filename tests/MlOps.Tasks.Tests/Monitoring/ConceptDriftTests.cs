using System.Text.Json;
using MlOps.Models.Audit;
using MlOps.Tasks.Monitoring;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tests.Monitoring;

public sealed class ConceptDriftTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);

    private static LoggedPrediction Prediction(string requestId, int second, double[] scores, string? inputs = null, double threshold = 0.5) =>
        new("audit/predictions.jsonl", second + 1, Start.AddSeconds(second), requestId, "3", scores, threshold,
            inputs is null ? null : JsonDocument.Parse(inputs).RootElement.Clone());

    private static Feedback Outcome(string id, bool positive) => new(id, positive, "feedback.csv:2");

    private static ConceptDriftSection Concept(string yaml) =>
        MonitorPipelines.Load(MonitorPipelines.Head + "monitoring:\n  concept:\n" + yaml).Monitoring.Concept;

    /// <summary>One-row requests scored 0.9, one a second; the first <paramref name="right"/> were positive, the rest not.</summary>
    private static (List<LoggedPrediction> Predictions, List<Feedback> Feedback) Stream(int right, int wrong)
    {
        var predictions = Enumerable.Range(0, right + wrong).Select(i => Prediction($"req-{i}", i, [0.9])).ToList();
        var feedback = Enumerable.Range(0, right + wrong).Select(i => Outcome($"req-{i}", i < right)).ToList();
        return (predictions, feedback);
    }

    public sealed class Join
    {
        private static readonly LoggedPrediction[] Log =
        [
            Prediction("req-1", 1, [0.9]),
            Prediction("req-2", 2, [0.2, 0.8], """{"columns":["id","income"],"data":[["A-7",1],[8,2]]}"""),
        ];

        private static readonly Feedback[] Outcomes =
        [
            Outcome("req-1", true), Outcome("req-2/0", false), Outcome("req-2/1", true), Outcome("A-7", false), Outcome("8", true),
            Outcome("req-2", true), Outcome("nope", false),
        ];

        [Test]
        public void Should_Join_By_Request_Id_By_Request_And_Row_And_By_The_Logged_Row_Id()
        {
            // When
            var concept = ConceptDrift.Analyse(Log, Outcomes, "feedback.csv", new ConceptDriftSection(), idColumn: "id");

            // Then
            Assert.That((concept.Feedback, concept.FeedbackRows, concept.Matched), Is.EqualTo(("feedback.csv", 7, 5)));
            Assert.That(concept.UnmatchedExamples, Is.EqualTo(new[] { "req-2", "nope" }));
            Assert.That(concept.Windows.Single().Positives, Is.EqualTo(3));
        }

        [Test]
        public void Should_Not_Join_By_Row_Ids_Without_An_Id_Column()
        {
            // When
            var concept = ConceptDrift.Analyse(Log, Outcomes, "feedback.csv", new ConceptDriftSection(), idColumn: null);

            // Then
            Assert.That(concept.Matched, Is.EqualTo(3));
            Assert.That(concept.UnmatchedExamples, Is.EqualTo(new[] { "A-7", "8", "req-2", "nope" }));
        }

        [Test]
        public void Should_Show_At_Most_Five_Unmatched_Ids()
        {
            // Given
            var outcomes = Enumerable.Range(1, 8).Select(i => Outcome($"lost-{i}", true)).ToList();

            // When
            var concept = ConceptDrift.Analyse(Log, outcomes, "feedback.csv", new ConceptDriftSection(), idColumn: "id");

            // Then
            Assert.That(concept.UnmatchedExamples, Is.EqualTo(new[] { "lost-1", "lost-2", "lost-3", "lost-4", "lost-5" }));
            Assert.That((concept.Matched, concept.Windows.Count, concept.Breaches.Count, concept.Detections.Count), Is.EqualTo((0, 0, 0, 0)));
        }
    }

    public sealed class Order
    {
        [Test]
        public void Should_Order_Labelled_Predictions_By_Time_Then_By_Log_Order()
        {
            // Given: the log's records out of time order, two at the same second
            LoggedPrediction[] log = [Prediction("c", 30, [0.9]), Prediction("a", 10, [0.9]), Prediction("b2", 20, [0.9]), Prediction("b1", 20, [0.9])];
            Feedback[] outcomes = [Outcome("a", true), Outcome("b1", true), Outcome("b2", false), Outcome("c", false)];

            // When
            var concept = ConceptDrift.Analyse(log, outcomes, "feedback.csv", new ConceptDriftSection { Window = 1 }, idColumn: null);

            // Then
            Assert.That(concept.Windows.Select(w => (w.From, w.Positives)), Is.EqualTo(new[]
            {
                (Start.AddSeconds(10), 1), (Start.AddSeconds(20), 0), (Start.AddSeconds(20), 1), (Start.AddSeconds(30), 0),
            }));
        }
    }

    public sealed class Detector
    {
        [Test]
        public void Should_Detect_With_Page_Hinkley_A_Stream_That_Turns_From_Right_To_Wrong()
        {
            // Given
            var (predictions, feedback) = Stream(right: 100, wrong: 100);

            // When
            var concept = ConceptDrift.Analyse(predictions, feedback, "feedback.csv", new ConceptDriftSection(), idColumn: null);

            // Then
            Assert.That(concept.Detector, Is.EqualTo("page_hinkley"));
            Assert.That(concept.Detections, Is.Not.Empty);
            Assert.That(concept.Detections[0].Index, Is.InRange(100, 199));
            Assert.That(concept.Detections[0].Time, Is.EqualTo(Start.AddSeconds(concept.Detections[0].Index)));
        }

        [Test]
        public void Should_Detect_Nothing_In_A_Stream_That_Stays_Right()
        {
            // Given
            var (predictions, feedback) = Stream(right: 200, wrong: 0);

            // When
            var concept = ConceptDrift.Analyse(predictions, feedback, "feedback.csv", new ConceptDriftSection(), idColumn: null);

            // Then
            Assert.That(concept.Detections, Is.Empty);
        }

        [Test]
        public void Should_Judge_Each_Prediction_By_The_Threshold_It_Was_Served_With()
        {
            // Given: scored 0.9 at the default threshold, then 0.4 for clients that asked for 0.3; every one served as positive, and rightly
            var predictions = Enumerable.Range(0, 200)
                .Select(i => i < 100 ? Prediction($"req-{i}", i, [0.9]) : Prediction($"req-{i}", i, [0.4], threshold: 0.3))
                .ToList();
            var feedback = Enumerable.Range(0, 200).Select(i => Outcome($"req-{i}", true)).ToList();

            // When
            var concept = ConceptDrift.Analyse(predictions, feedback, "feedback.csv", new ConceptDriftSection(), idColumn: null);

            // Then
            Assert.That(concept.Detections, Is.Empty);
        }

        [Test]
        public void Should_Refuse_A_Detector_River_Does_Not_Have()
        {
            // Given
            var section = Concept("    window: 2\n") with { Detector = "cusum" };

            // When
            var error = Assert.Throws<UsageException>(() => ConceptDrift.Analyse([], [], "feedback.csv", section, idColumn: null));

            // Then
            Assert.That(error!.Message, Is.EqualTo("monitoring.concept (pipelines/p.yaml:19:5): Unknown drift detector 'cusum'; detectors: page_hinkley, ddm, adwin."));
        }

        [Test]
        public void Should_Refuse_A_Setting_The_Detector_Does_Not_Have()
        {
            // Given
            var section = new ConceptDriftSection { Settings = new Dictionary<string, double> { ["lambda"] = 1 } };

            // When
            var error = Assert.Throws<UsageException>(() => ConceptDrift.Analyse([], [], "feedback.csv", section, idColumn: null));

            // Then
            Assert.That(error!.Message, Is.EqualTo("monitoring.concept: Drift detector 'page_hinkley' has no setting 'lambda'; " +
                "its settings: min_instances, delta, threshold, alpha."));
        }
    }

    public sealed class Windows
    {
        [Test]
        public void Should_Cut_Windows_Of_The_Configured_Size_With_Their_Metrics()
        {
            // Given
            var (predictions, feedback) = Stream(right: 100, wrong: 90);

            // When
            var concept = ConceptDrift.Analyse(predictions, feedback, "feedback.csv", new ConceptDriftSection { Window = 50 }, idColumn: null);

            // Then
            Assert.That(concept.Windows.Select(w => (w.Rows, w.Positives)), Is.EqualTo(new[] { (50, 50), (50, 50), (50, 0), (40, 0) }));
            Assert.That(concept.Windows.Select(w => w.Metrics["accuracy"]), Is.EqualTo(new[] { 1.0, 1, 0, 0 }));
            Assert.That((concept.Windows[3].From, concept.Windows[3].To), Is.EqualTo((Start.AddSeconds(150), Start.AddSeconds(189))));
            Assert.That(concept.Windows[3].Metrics["auc"], Is.NaN);
        }

        [Test]
        public void Should_Name_Metric_Value_Limit_And_Place_Of_A_Limit_The_Latest_Window_Breaks()
        {
            // Given
            var section = Concept("    window: 50\n    min: { accuracy: 0.65, auc: 0.9 }\n    max: { log_loss: 0.7, brier: 0.9 }\n");
            var (predictions, feedback) = Stream(right: 100, wrong: 50);

            // When
            var concept = ConceptDrift.Analyse(predictions, feedback, "feedback.csv", section, idColumn: null);

            // Then
            Assert.That(concept.Breaches, Is.EqualTo(new[]
            {
                "accuracy 0.0000 on the latest 50 labelled predictions is below the minimum 0.65 (monitoring.concept.min, pipelines/p.yaml:20:10)",
                "log_loss 2.3026 on the latest 50 labelled predictions is above the maximum 0.7 (monitoring.concept.max, pipelines/p.yaml:21:10)",
            }));
        }

        [Test]
        public void Should_Find_No_Breach_When_The_Latest_Window_Keeps_Its_Limits()
        {
            // Given
            var section = Concept("    window: 50\n    min: { accuracy: 0.65 }\n");
            var (predictions, feedback) = Stream(right: 100, wrong: 0);

            // When
            var concept = ConceptDrift.Analyse(predictions, feedback, "feedback.csv", section, idColumn: null);

            // Then
            Assert.That(concept.Breaches, Is.Empty);
        }
    }
}
