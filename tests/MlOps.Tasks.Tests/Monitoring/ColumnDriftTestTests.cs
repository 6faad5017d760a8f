using MlOps.Models.Drift;
using MlOps.Tasks.Monitoring;
using MlOps.Tasks.Pipeline;
using static MlOps.Tasks.Tests.Monitoring.ColumnSamples;

namespace MlOps.Tasks.Tests.Monitoring;

public sealed class ColumnDriftTestTests
{
    // quality.md's vectors, compared to 1e-9 relative.
    private const double Relative = 1e-7;

    private static readonly double[] KsReference = [1.2, 3.4, 0.5, 2.2, 4.1, 1.9, 2.8, 0.9];
    private static readonly double[] KsCurrent = [2.5, 4.6, 3.9, 5.3, 3.1, 4.4, 6.0, 2.9];

    private static ColumnSample ChiReference => Values(Counts(("A", 50), ("B", 30), ("C", 20)));

    private static ColumnSample ChiCurrent => Values(Counts(("A", 30), ("B", 40), ("C", 30)));

    private static ColumnSample Ones(int ones, int rows, ColumnType type = ColumnType.Boolean) =>
        Values(Counts(("1", ones), ("0", rows - ones)), type: type);

    private static DriftMethodSection Configured(DriftMethod method, double? threshold = null) => new() { Method = method, Threshold = threshold };

    public sealed class Default_Choice
    {
        private static ColumnSample Column(ColumnType type, int rows, int distinct, int offset = 0) => type switch
        {
            ColumnType.Numeric => Numbers(Enumerable.Range(0, rows).Select(i => (double)((i + offset) % distinct))),
            ColumnType.Boolean => Values(Enumerable.Range(0, rows).Select(i => (i + offset) % distinct == 0 ? "yes" : "no"), type: type),
            _ => Values(Enumerable.Range(0, rows).Select(i => $"v{(i + offset) % distinct}"), type: type),
        };

        [TestCase(ColumnType.Numeric, 8, 8, DriftMethod.Ks)]
        [TestCase(ColumnType.Numeric, 1000, 6, DriftMethod.Ks)]
        [TestCase(ColumnType.Numeric, 1000, 5, DriftMethod.Chisquare)]
        [TestCase(ColumnType.Numeric, 100, 3, DriftMethod.Chisquare)]
        [TestCase(ColumnType.Numeric, 100, 2, DriftMethod.Z)]
        [TestCase(ColumnType.Categorical, 100, 3, DriftMethod.Chisquare)]
        [TestCase(ColumnType.Categorical, 1000, 2, DriftMethod.Z)]
        [TestCase(ColumnType.Boolean, 100, 2, DriftMethod.Z)]
        [TestCase(ColumnType.Numeric, 1001, 6, DriftMethod.Wasserstein)]
        [TestCase(ColumnType.Numeric, 1001, 5, DriftMethod.Jensenshannon)]
        [TestCase(ColumnType.Categorical, 1001, 2, DriftMethod.Jensenshannon)]
        [TestCase(ColumnType.Categorical, 5000, 40, DriftMethod.Jensenshannon)]
        public void Should_Choose_Evidentlys_Test_By_Reference_Rows_Type_And_Distinct_Values(ColumnType type, int rows, int distinct, DriftMethod expected)
        {
            // Given
            var reference = Column(type, rows, distinct);
            var current = Column(type, 50, distinct, offset: 1);

            // When
            var drift = ColumnDriftTest.Run(reference, current, configured: null);

            // Then
            Assert.That(drift.Method, Is.EqualTo(expected));
            Assert.That(drift.IsDefault, Is.True);
            Assert.That(drift.Threshold, Is.EqualTo(expected is DriftMethod.Ks or DriftMethod.Chisquare or DriftMethod.Z ? 0.05 : 0.1));
        }

        [Test]
        public void Should_Count_Distinct_Values_Over_Both_Samples()
        {
            // Given: two values in the reference, a third only in the current data
            var reference = Numbers([0, 1, 0, 1]);
            var current = Numbers([0, 1, 2, 2]);

            // When
            var drift = ColumnDriftTest.Run(reference, current, configured: null);

            // Then
            Assert.That(drift.Method, Is.EqualTo(DriftMethod.Chisquare));
        }
    }

    public sealed class Quality_Vectors
    {
        [Test]
        public void Should_Give_The_Exact_Ks_P_Value_Of_The_Eight_Against_Eight_Sample()
        {
            // When
            var drift = ColumnDriftTest.Run(Numbers(KsReference), Numbers(KsCurrent), configured: null);

            // Then
            Assert.That(drift.Method, Is.EqualTo(DriftMethod.Ks));
            Assert.That(drift.Statistic, Is.EqualTo(0.625).Within(Relative).Percent);
            Assert.That(drift.Score, Is.EqualTo(0.08702408702408701).Within(Relative).Percent);
            Assert.That(drift.Exact, Is.True);
            Assert.That(drift.Drift, Is.False);
        }

        [Test]
        public void Should_Give_The_Exact_Ks_P_Value_Of_The_Shifted_Ranges()
        {
            // When
            var drift = ColumnDriftTest.Run(Numbers(Enumerable.Range(0, 200).Select(i => (double)i)), Numbers(Enumerable.Range(30, 200).Select(i => (double)i)), configured: null);

            // Then
            Assert.That(drift.Method, Is.EqualTo(DriftMethod.Ks));
            Assert.That(drift.Statistic, Is.EqualTo(0.15).Within(Relative).Percent);
            Assert.That(drift.Score, Is.EqualTo(0.0220923622208589).Within(Relative).Percent);
            Assert.That(drift.Drift, Is.True);
        }

        [Test]
        public void Should_Give_The_Chi_Square_Goodness_Of_Fit_Of_The_Three_Categories()
        {
            // When
            var drift = ColumnDriftTest.Run(ChiReference, ChiCurrent, configured: null);

            // Then
            Assert.That(drift.Method, Is.EqualTo(DriftMethod.Chisquare));
            Assert.That(drift.Statistic, Is.EqualTo(16.333333333333336).Within(Relative).Percent);
            Assert.That(drift.Score, Is.EqualTo(0.0002839629839032563).Within(Relative).Percent);
            Assert.That(drift.Drift, Is.True);
        }

        [TestCase(ColumnType.Boolean)]
        [TestCase(ColumnType.Categorical)]
        public void Should_Give_The_Z_Test_Of_Sixty_Against_Forty_Five_Ones(ColumnType type)
        {
            // When
            var drift = ColumnDriftTest.Run(Ones(60, 100, type), Ones(45, 100, type), configured: null);

            // Then
            Assert.That(drift.Method, Is.EqualTo(DriftMethod.Z));
            Assert.That(Math.Abs(drift.Statistic!.Value), Is.EqualTo(2.1239769762143657).Within(Relative).Percent);
            Assert.That(drift.Score, Is.EqualTo(0.03367206885634588).Within(Relative).Percent);
            Assert.That(drift.Drift, Is.True);
        }

        [Test]
        public void Should_Give_The_Z_Test_For_A_Numeric_Column_Of_Ones_And_Zeros()
        {
            // Given
            var reference = Numbers(Enumerable.Range(0, 100).Select(i => i < 60 ? 1.0 : 0.0));
            var current = Numbers(Enumerable.Range(0, 100).Select(i => i < 45 ? 1.0 : 0.0));

            // When
            var drift = ColumnDriftTest.Run(reference, current, configured: null);

            // Then
            Assert.That(drift.Method, Is.EqualTo(DriftMethod.Z));
            Assert.That(drift.Score, Is.EqualTo(0.03367206885634588).Within(Relative).Percent);
        }

        [Test]
        public void Should_Report_Psi_With_Its_Band_And_The_Jensen_Shannon_Distance()
        {
            // Given: shares [.5, .3, .2] against [.3, .4, .3]
            var reference = Values(Counts(("A", 5), ("B", 3), ("C", 2)));
            var current = Values(Counts(("A", 3), ("B", 4), ("C", 3)));

            // When
            var drift = ColumnDriftTest.Run(reference, current, Configured(DriftMethod.Jensenshannon));

            // Then
            Assert.That(drift.Psi, Is.EqualTo(0.17147984280919268).Within(Relative).Percent);
            Assert.That(drift.PsiBand, Is.EqualTo(PsiBand.Moderate));
            Assert.That(drift.Score, Is.EqualTo(0.14577767970191227).Within(Relative).Percent);
            Assert.That(drift.Statistic, Is.Null);
            Assert.That(drift.Drift, Is.True);
        }
    }

    public sealed class Configured_Method
    {
        [Test]
        public void Should_Use_The_Method_And_Threshold_The_Pipeline_File_Names()
        {
            // When
            var drift = ColumnDriftTest.Run(Numbers(KsReference), Numbers(KsCurrent), Configured(DriftMethod.Ks, 0.1));

            // Then
            Assert.That((drift.Method, drift.Threshold, drift.IsDefault, drift.Drift), Is.EqualTo((DriftMethod.Ks, 0.1, false, true)));
        }

        [Test]
        public void Should_Use_The_Methods_Default_Threshold_When_The_File_Gives_None()
        {
            // When
            var drift = ColumnDriftTest.Run(ChiReference, ChiCurrent, Configured(DriftMethod.Psi));

            // Then
            Assert.That((drift.Method, drift.Threshold, drift.IsDefault), Is.EqualTo((DriftMethod.Psi, 0.1, false)));
            Assert.That(drift.Score, Is.EqualTo(drift.Psi));
        }

        [TestCase(DriftMethod.Ks)]
        [TestCase(DriftMethod.Wasserstein)]
        public void Should_Refuse_A_Numbers_Only_Test_For_Categories(DriftMethod method)
        {
            // When
            var error = Assert.Throws<UsageException>(() => ColumnDriftTest.Run(ChiReference, ChiCurrent, Configured(method)));

            // Then
            Assert.That(error!.Message, Is.EqualTo($"The {method.ToString().ToLowerInvariant()} test needs numbers, but " +
                $"column 'x' holds categories; use chisquare, z, jensenshannon, psi, kl or hellinger for it in monitoring."));
        }

        [Test]
        public void Should_Refuse_The_Z_Test_For_More_Than_Two_Values()
        {
            // When
            var error = Assert.Throws<UsageException>(() => ColumnDriftTest.Run(ChiReference, ChiCurrent, Configured(DriftMethod.Z)));

            // Then
            Assert.That(error!.Message, Is.EqualTo("The z test compares two proportions, but column 'x' holds 3 distinct values; " +
                "use chisquare or jensenshannon for it in monitoring."));
        }

        [TestCase(DriftMethod.Hellinger)]
        [TestCase(DriftMethod.Kl)]
        [TestCase(DriftMethod.Psi)]
        [TestCase(DriftMethod.Jensenshannon)]
        [TestCase(DriftMethod.Wasserstein)]
        public void Should_Score_Numbers_With_Every_Distance(DriftMethod method)
        {
            // When
            var same = ColumnDriftTest.Run(Numbers(KsReference), Numbers(KsReference), Configured(method));
            var shifted = ColumnDriftTest.Run(Numbers(KsReference), Numbers(KsCurrent), Configured(method));

            // Then
            Assert.That(same.Score, Is.EqualTo(0).Within(1e-12));
            Assert.That(shifted.Score, Is.GreaterThan(0.1));
            Assert.That((same.Drift, shifted.Drift), Is.EqualTo((false, true)));
        }
    }

    public sealed class Drift_Direction
    {
        private static ColumnDrift AtItsOwnScore(ColumnSample reference, ColumnSample current, DriftMethod method)
        {
            var score = ColumnDriftTest.Run(reference, current, Configured(method)).Score;
            return ColumnDriftTest.Run(reference, current, Configured(method, score));
        }

        [Test]
        public void Should_Find_Ks_Drift_At_A_P_Value_Equal_To_The_Threshold()
        {
            // When
            var drift = AtItsOwnScore(Numbers(KsReference), Numbers(KsCurrent), DriftMethod.Ks);

            // Then
            Assert.That(drift.Drift, Is.True);
        }

        [Test]
        public void Should_Find_No_Chi_Square_Drift_At_A_P_Value_Equal_To_The_Threshold()
        {
            // When
            var drift = AtItsOwnScore(ChiReference, ChiCurrent, DriftMethod.Chisquare);

            // Then
            Assert.That(drift.Drift, Is.False);
        }

        [Test]
        public void Should_Find_No_Z_Drift_At_A_P_Value_Equal_To_The_Threshold()
        {
            // When
            var drift = AtItsOwnScore(Ones(60, 100), Ones(45, 100), DriftMethod.Z);

            // Then
            Assert.That(drift.Drift, Is.False);
        }

        [TestCase(DriftMethod.Psi)]
        [TestCase(DriftMethod.Jensenshannon)]
        [TestCase(DriftMethod.Hellinger)]
        public void Should_Find_Drift_At_A_Distance_Equal_To_The_Threshold(DriftMethod method)
        {
            // When
            var drift = AtItsOwnScore(ChiReference, ChiCurrent, method);

            // Then
            Assert.That(drift.Drift, Is.True);
        }
    }

    public sealed class Bins
    {
        [Test]
        public void Should_Bin_Many_Numbers_In_Sturges_Ranges_Whose_Shares_Sum_To_One()
        {
            // Given: 50 distinct values on each side, 100 in all: ⌈log2 100⌉ + 1 = 8 bins
            var reference = Numbers(Enumerable.Range(0, 50).Select(i => (double)i));
            var current = Numbers(Enumerable.Range(0, 50).Select(i => i + 20.0));

            // When
            var drift = ColumnDriftTest.Run(reference, current, configured: null);

            // Then
            Assert.That(drift.Bins, Has.Count.EqualTo(8));
            Assert.That(drift.Bins[0].Label, Is.EqualTo("[0, 8.625)"));
            Assert.That(drift.Bins[^1].Label, Is.EqualTo("[60.375, 69]"));
            Assert.That(drift.Bins.Sum(b => b.Reference), Is.EqualTo(1).Within(1e-12));
            Assert.That(drift.Bins.Sum(b => b.Current), Is.EqualTo(1).Within(1e-12));
            Assert.That(drift.PsiBand, Is.EqualTo(PsiBand.Major));
        }

        [Test]
        public void Should_Label_Few_Numbers_By_Value_In_The_Order_First_Seen()
        {
            // When
            var drift = ColumnDriftTest.Run(Numbers([2, 0.5, 2, 2]), Numbers([0.5, 7, 7, 2]), configured: null);

            // Then
            Assert.That(drift.Bins, Is.EqualTo(new[]
            {
                new DriftBin("2", 0.75, 0.25), new DriftBin("0.5", 0.25, 0.25), new DriftBin("7", 0, 0.5),
            }));
        }

        [Test]
        public void Should_Label_Categories_By_Value_With_Shares_Summing_To_One()
        {
            // When
            var drift = ColumnDriftTest.Run(ChiReference, ChiCurrent, configured: null);

            // Then
            Assert.That(drift.Bins.Select(b => b.Label), Is.EqualTo(new[] { "A", "B", "C" }));
            Assert.That(drift.Bins.Select(b => b.Reference), Is.EqualTo(new[] { 0.5, 0.3, 0.2 }).Within(1e-12));
            Assert.That(drift.Bins.Sum(b => b.Current), Is.EqualTo(1).Within(1e-12));
        }
    }

    public sealed class Missing_Values
    {
        [Test]
        public void Should_Skip_A_Column_Without_Values_In_The_Reference()
        {
            // Given
            var reference = Values([null, null], name: "region");
            var current = Values(["a", "b"], name: "region");

            // When
            var drift = ColumnDriftTest.Run(reference, current, configured: null);

            // Then
            Assert.That(drift.Skipped, Is.EqualTo("no values in the reference"));
            Assert.That((drift.Drift, drift.Score, drift.Bins.Count, drift.ReferenceMissing), Is.EqualTo((false, double.NaN, 0, 1.0)));
        }

        [Test]
        public void Should_Skip_A_Column_Without_Values_In_The_Current_Data_And_Keep_A_Configured_Method()
        {
            // Given
            var current = new ColumnSample("x", ColumnType.Numeric);
            current.Add("n/a", "current.csv", 2);

            // When
            var drift = ColumnDriftTest.Run(Numbers(KsReference), current, Configured(DriftMethod.Psi, 0.2));

            // Then
            Assert.That(drift.Skipped, Is.EqualTo("no values in the current data"));
            Assert.That((drift.Method, drift.Threshold, drift.CurrentInvalid, drift.CurrentMissing), Is.EqualTo((DriftMethod.Psi, 0.2, 1L, 1.0)));
        }

        [Test]
        public void Should_Report_Missing_Shares_And_Test_Only_Present_Values()
        {
            // Given
            var reference = Values(["a", "b", null, "a"]);
            var current = Values(["a", "b", "b", "a"]);

            // When
            var drift = ColumnDriftTest.Run(reference, current, configured: null);

            // Then
            Assert.That((drift.ReferenceRows, drift.CurrentRows, drift.ReferenceMissing, drift.CurrentMissing), Is.EqualTo((3L, 4L, 0.25, 0.0)));
        }
    }
}
