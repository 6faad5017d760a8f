using MlOps.Tasks.Monitoring;
using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Monitoring;

public sealed class DataDriftTests
{
    private static ColumnDrift Column(string name, bool drift, string? skipped = null) => new()
    {
        Column = name, Type = ColumnType.Numeric, Method = DriftMethod.Ks, IsDefault = true, Score = drift ? 0.01 : 0.5, Threshold = 0.05,
        Drift = drift, Psi = 0, ReferenceRows = 10, CurrentRows = 10, ReferenceMissing = 0, CurrentMissing = 0, Bins = [], Skipped = skipped,
    };

    private static DataDrift Drift(double share, params ColumnDrift[] columns) => new()
    {
        Reference = "r.csv", Current = "c.csv", ReferenceRows = 10, CurrentRows = 10, Columns = columns, NotInCurrent = [], DriftShare = share,
    };

    public sealed class MonitoredColumns
    {
        [Test]
        public void Should_Leave_Out_Id_And_Text_Columns_And_The_Ignored_Ones()
        {
            // Given
            var pipeline = MonitorPipelines.Load(MonitorPipelines.Head + "monitoring:\n  ignore: [default]\n");

            // When
            var columns = DataDrift.MonitoredColumns(pipeline);

            // Then
            Assert.That(columns.Select(c => c.Name), Is.EqualTo(new[] { "income", "region", "owner" }));
        }

        [Test]
        public void Should_Monitor_Nothing_Without_A_Schema()
        {
            // Given
            var pipeline = MonitorPipelines.Load("name: p\ndata:\n  path: data\n");

            // When
            var columns = DataDrift.MonitoredColumns(pipeline);

            // Then
            Assert.That(columns, Is.Empty);
        }
    }

    public sealed class Dataset_Drift
    {
        [Test]
        public void Should_Drift_When_The_Drifted_Share_Reaches_Drift_Share()
        {
            // When
            var drift = Drift(0.5, Column("a", true), Column("b", true), Column("c", false), Column("d", false));

            // Then
            Assert.That((drift.Tested, drift.Drifted, drift.Share, drift.DatasetDrift), Is.EqualTo((4, 2, 0.5, true)));
        }

        [Test]
        public void Should_Not_Drift_Just_Below_Drift_Share()
        {
            // When
            var drift = Drift(0.5, Column("a", true), Column("b", false), Column("c", false), Column("d", false));

            // Then
            Assert.That((drift.Share, drift.DatasetDrift), Is.EqualTo((0.25, false)));
        }

        [Test]
        public void Should_Count_Only_Tested_Columns()
        {
            // When
            var drift = Drift(0.5, Column("a", true), Column("b", false, skipped: "no values in the current data"));

            // Then
            Assert.That((drift.Tested, drift.Share, drift.DatasetDrift), Is.EqualTo((1, 1.0, true)));
        }

        [Test]
        public void Should_Not_Drift_When_Nothing_Was_Tested()
        {
            // When
            var drift = Drift(0.5, Column("a", false, skipped: "no values in the reference"));

            // Then
            Assert.That((drift.Tested, drift.Share, drift.DatasetDrift), Is.EqualTo((0, 0.0, false)));
        }
    }

    public sealed class Compare
    {
        private const string Reference = "id,email,income,region,owner,default\n"
            + "1,a@x,10,north,yes,0\n2,b@x,11,south,no,1\n3,c@x,12,north,yes,0\n4,d@x,13,south,no,0\n5,e@x,14,north,yes,1\n6,f@x,15,south,no,0\n";

        private static DataDrift Run(string monitoring, string current, string reference = Reference)
        {
            using var temp = new TempDirectory();
            var pipeline = MonitorPipelines.Load(MonitorPipelines.Head + monitoring);
            var monitored = DataDrift.MonitoredColumns(pipeline);
            var sampled = DriftSample.FromCsv(temp.Write("reference.csv", reference), "reference.csv", pipeline, monitored);
            var sample = DriftSample.FromCsv(temp.Write("current.csv", current), "current.csv", pipeline, monitored);
            return DataDrift.Compare(sampled, sample, pipeline.Monitoring, monitored);
        }

        [Test]
        public void Should_Test_The_Columns_Both_Hold_In_Schema_Order_And_List_Those_Current_Lacks()
        {
            // Given: the current data has no region and no label, as a server's inputs
            const string Current = "id,owner,income\n7,yes,10\n8,no,12\n9,yes,14\n";

            // When
            var drift = Run("", Current);

            // Then
            Assert.That(drift.Columns.Select(c => c.Column), Is.EqualTo(new[] { "income", "owner" }));
            Assert.That(drift.NotInCurrent, Is.EqualTo(new[] { "region", "default" }));
            Assert.That((drift.Reference, drift.Current, drift.ReferenceRows, drift.CurrentRows), Is.EqualTo(("reference.csv", "current.csv", 6L, 3L)));
        }

        [Test]
        public void Should_Use_A_Columns_Own_Method_Before_The_Methods_By_Type()
        {
            // Given
            const string Monitoring = "monitoring:\n  drift_share: 0.25\n  numeric: { method: psi, threshold: 0.3 }\n" +
                "  categorical: { method: jensenshannon }\n  columns:\n    region: { method: z }\n";

            // When
            var drift = Run(Monitoring, Reference);

            // Then
            Assert.That(drift.Columns.Select(c => (c.Column, c.Method, c.IsDefault)), Is.EqualTo(new[]
            {
                ("income", DriftMethod.Psi, false), ("region", DriftMethod.Z, false), ("owner", DriftMethod.Jensenshannon, false), ("default", DriftMethod.Jensenshannon, false),
            }));
            Assert.That(drift.DriftShare, Is.EqualTo(0.25));
            Assert.That(drift.DatasetDrift, Is.False);
        }

        [Test]
        public void Should_Fail_With_The_Usage_Error_Of_A_Column_Its_Method_Cannot_Test()
        {
            // Given: z for categories, and a third region in the current data
            const string Current = "region\nnorth\neast\nsouth\n";

            // When
            var error = Assert.Catch(() => Run("monitoring:\n  categorical: { method: z }\n", Current));

            // Then: the build reports the first failure of the parallel tests
            var first = error is AggregateException aggregate ? aggregate.InnerExceptions[0] : error;
            Assert.That(first, Is.TypeOf<UsageException>().With.Message.EqualTo(
                "The z test compares two proportions, but column 'region' holds 3 distinct values; use chisquare or jensenshannon for it in monitoring."));
        }

        [Test]
        public void Should_Refuse_A_Reference_That_Lacks_A_Monitored_Column()
        {
            // Given: the reference has no region (the current data has it)
            const string Lacking = "id,income,owner,default\n1,10,yes,0\n2,11,no,1\n";

            // When
            var error = Assert.Throws<InvalidFileException>(() => Run("", Reference, reference: Lacking));

            // Then
            Assert.That(error.Message, Is.EqualTo("reference.csv:1:1: the reference has no column 'region', which Monitor compares; " +
                "pass --reference=<the CSV the deployed version was trained on>, or list it in monitoring.ignore."));
        }

        [Test]
        public void Should_Refuse_Current_Data_With_None_Of_The_Monitored_Columns()
        {
            // When
            var error = Assert.Throws<InvalidFileException>(() => Run("", "id,email\n7,a@x\n8,b@x\n"));

            // Then
            Assert.That(error.Message, Is.EqualTo("current.csv:1:1: the current data has none of the columns Monitor compares " +
                "(income, region, owner, default); name them in its header as schema.columns does."));
        }

        [Test]
        public void Should_Refuse_When_No_Column_Could_Be_Tested()
        {
            // When: every value of the current data's two monitored columns is missing
            var error = Assert.Throws<UsageException>(() => Run("", "income,region\n,\nNA,?\n"));

            // Then
            Assert.That(error.Message, Is.EqualTo("Monitor tested no column (income: no values in the current data; " +
                "region: no values in the current data); it needs values of a monitored column in both the reference and the current data."));
        }

        [Test]
        public void Should_Find_Dataset_Drift_When_Half_The_Columns_Drift()
        {
            // Given: income and owner change completely, region and the label stay
            const string Current = "id,email,income,region,owner,default\n"
                + "1,a@x,90,north,yes,0\n2,b@x,91,south,yes,1\n3,c@x,92,north,yes,0\n4,d@x,93,south,yes,0\n5,e@x,94,north,yes,1\n6,f@x,95,south,yes,0\n";

            // When
            var drift = Run("", Current);

            // Then
            Assert.That(drift.Columns.Where(c => c.Drift).Select(c => c.Column), Is.EqualTo(new[] { "income", "owner" }));
            Assert.That((drift.Drifted, drift.Tested, drift.DatasetDrift), Is.EqualTo((2, 4, true)));
        }
    }
}
