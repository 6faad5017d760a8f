using MlOps.Models.Audit;
using MlOps.Tasks.Monitoring;
using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Monitoring;

public sealed class DriftSampleTests
{
    private static readonly PipelineDefinition Pipeline = MonitorPipelines.Load(MonitorPipelines.Head);

    private static readonly IReadOnlyList<ColumnSection> Monitored = DataDrift.MonitoredColumns(Pipeline);

    public sealed class FromCsv
    {
        private static DriftSample Read(string csv)
        {
            using var temp = new TempDirectory();
            return DriftSample.FromCsv(temp.Write("data/current.csv", csv), "data/current.csv", Pipeline, Monitored);
        }

        [Test]
        public void Should_Count_The_Missing_Tokens_Of_Data_Csv_Missing()
        {
            // When
            var sample = Read("income,region\n1,NA\nNA,?\n?,north\n,south\n3,\n");

            // Then
            var income = sample.Columns["income"];
            Assert.That((income.Rows, income.Missing, income.Invalid), Is.EqualTo((5L, 3L, 0L)));
            Assert.That(income.Numbers, Is.EqualTo(new[] { 1.0, 3.0 }));
            Assert.That(sample.Columns["region"].Values, Is.EqualTo(new[] { "north", "south" }));
            Assert.That(sample.Columns["region"].MissingShare, Is.EqualTo(0.6));
            Assert.That(sample.Rows, Is.EqualTo(5));
        }

        [Test]
        public void Should_Count_A_Word_In_A_Numeric_Column_As_Invalid_With_Its_Place()
        {
            // When
            var sample = Read("income\n1\n2\nlots\n4\nplenty\n");

            // Then
            var income = sample.Columns["income"];
            Assert.That((income.Present, income.Invalid, income.Missing), Is.EqualTo((3, 2L, 0L)));
            Assert.That(income.FirstInvalid, Is.EqualTo("data/current.csv:4, column 'income'"));
            Assert.That(income.MissingShare, Is.EqualTo(0.4));
        }

        [Test]
        public void Should_Warn_Of_Invalid_Values_Naming_The_Role_And_The_First_Place()
        {
            // Given
            var sample = Read("income,owner\n1,yes\nlots,maybe\nplenty,no\n");

            // When
            var warnings = sample.InvalidValueWarnings("reference data");

            // Then
            Assert.That(warnings, Is.EqualTo(new[]
            {
                "Monitor: 2 values of 'income' in the reference data are not a number (first at data/current.csv:3, column 'income'); set aside like missing values.",
                "Monitor: 1 value of 'owner' in the reference data is not true or false (first at data/current.csv:3, column 'owner'); set aside like missing values.",
            }));
        }

        [Test]
        public void Should_Normalise_Booleans_However_They_Are_Written()
        {
            // When
            var sample = Read("owner\n1\n0\nyes\nTrue\nNO\nfalse\nmaybe\n");

            // Then
            var owner = sample.Columns["owner"];
            Assert.That(owner.Values, Is.EqualTo(new[] { "true", "false", "true", "true", "false", "false" }));
            Assert.That(owner.Invalid, Is.EqualTo(1));
        }

        [Test]
        public void Should_Refuse_A_File_With_A_Header_But_No_Rows()
        {
            // When
            var error = Assert.Throws<InvalidFileException>(() => Read("income,region\n"));

            // Then
            Assert.That(error.Message, Is.EqualTo("data/current.csv:2:1: the file has a header but no data rows; Monitor needs rows to compare."));
        }

        [Test]
        public void Should_Hold_Only_The_Monitored_Columns_The_File_Has()
        {
            // When
            var sample = Read("id,email,region,extra\n1,a@x,north,z\n");

            // Then
            Assert.That(sample.Columns.Keys, Is.EquivalentTo(new[] { "region" }));
            Assert.That(sample.Source, Is.EqualTo("data/current.csv"));
        }
    }

    public sealed class FromAuditLog
    {
        private static AuditEntry Entry(int i, string? inputs, int rows = 1) => AuditSamples.Entry(i) with
        {
            Inputs = inputs, Scores = [.. Enumerable.Repeat(0.25, rows)],
        };

        private static async Task<string> Log(TempDirectory temp, long maxBytes, params AuditEntry[] entries)
        {
            var path = temp["audit/predictions.jsonl"];
            await using var log = AuditLog.Open(new AuditLogOptions { Path = path, MaxBytes = maxBytes });
            foreach (var entry in entries)
            {
                await log.AppendAsync(entry);
            }

            return path;
        }

        [Test]
        public async Task Should_Read_Numbers_Nulls_Categories_And_Booleans_Written_As_One_And_Zero()
        {
            // Given
            using var temp = new TempDirectory();
            var path = await Log(temp, 0,
                Entry(1, """{"columns":["id","income","region","owner"],"data":[[1,1200.5,"north",1],[2,null,"south",0]]}""", rows: 2),
                Entry(2, """{"columns":["owner","income","region"],"data":[[true,900,null]]}"""));

            // When
            var sample = DriftSample.FromAuditLog(path, "audit/predictions.jsonl", Monitored);

            // Then
            Assert.That(sample.Rows, Is.EqualTo(3));
            Assert.That(sample.Source, Is.EqualTo("audit/predictions.jsonl"));
            Assert.That(sample.Columns.Keys, Is.EquivalentTo(new[] { "income", "region", "owner" }));
            Assert.That(sample.Columns["income"].Numbers, Is.EqualTo(new[] { 1200.5, 900 }));
            Assert.That(sample.Columns["income"].Missing, Is.EqualTo(1));
            Assert.That(sample.Columns["region"].Values, Is.EqualTo(new[] { "north", "south" }));
            Assert.That(sample.Columns["owner"].Values, Is.EqualTo(new[] { "true", "false", "true" }));
        }

        [Test]
        public async Task Should_Read_Every_Rotated_Segment_Oldest_First()
        {
            // Given: a log rotated after every record or two
            using var temp = new TempDirectory();
            var entries = Enumerable.Range(1, 6).Select(i => Entry(i, $$"""{"columns":["income"],"data":[[{{i}}]]}""")).ToArray();
            var path = await Log(temp, 600, entries);

            // When
            var sample = DriftSample.FromAuditLog(path, "audit/predictions.jsonl", Monitored);

            // Then
            Assert.That(Directory.GetFiles(temp["audit"]), Has.Length.GreaterThan(2));
            Assert.That(sample.Columns["income"].Numbers, Is.EqualTo(new[] { 1.0, 2, 3, 4, 5, 6 }));
        }

        [Test]
        public async Task Should_Read_Only_The_Records_Since_The_Time_Asked_For()
        {
            // Given
            using var temp = new TempDirectory();
            var path = await Log(temp, 0, [.. Enumerable.Range(1, 4).Select(i => Entry(i, $$"""{"columns":["income"],"data":[[{{i}}]]}"""))]);

            // When
            var sample = DriftSample.FromAuditLog(path, "audit/predictions.jsonl", Monitored, since: AuditSamples.Entry(3).Time);

            // Then
            Assert.That(sample.Columns["income"].Numbers, Is.EqualTo(new[] { 3.0, 4 }));
        }

        [Test]
        public async Task Should_Tell_To_Set_Log_Inputs_When_No_Record_Kept_Its_Inputs()
        {
            // Given
            using var temp = new TempDirectory();
            var path = await Log(temp, 0, Entry(1, null), Entry(2, null));

            // When
            var error = Assert.Throws<UsageException>(() => DriftSample.FromAuditLog(path, "audit/predictions.jsonl", Monitored));

            // Then
            Assert.That(error!.Message, Is.EqualTo("audit/predictions.jsonl holds 2 scored requests but none kept its inputs; " +
                "set monitoring.log_inputs: true in the pipeline file and deploy again (--force), or pass --current=<csv>."));
        }

        [Test]
        public void Should_Tell_To_Send_Traffic_When_The_Log_Is_Empty()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp.Write("audit/predictions.jsonl", "");

            // When
            var error = Assert.Throws<UsageException>(() => DriftSample.FromAuditLog(path, "audit/predictions.jsonl", Monitored));

            // Then
            Assert.That(error!.Message, Is.EqualTo("audit/predictions.jsonl holds no scored requests; send traffic to the deployment first, or pass --current=<csv>."));
        }

        [Test]
        public async Task Should_Name_The_Record_Whose_Inputs_Are_Not_The_Servers_Shape()
        {
            // Given
            using var temp = new TempDirectory();
            var path = await Log(temp, 0, Entry(1, """{"columns":["income"],"data":[[1]]}"""), Entry(2, """{"rows":[[1]]}"""));

            // When
            var error = Assert.Throws<UsageException>(() => DriftSample.FromAuditLog(path, "audit/predictions.jsonl", Monitored));

            // Then
            Assert.That(error!.Message, Does.StartWith($"{path}:2: the record's inputs are not {{\"columns\": [...], \"data\": [[...]]}} as the scoring server writes them"));
        }

        [Test]
        public void Should_Name_The_Line_Of_A_Record_That_Is_Not_One()
        {
            // Given
            using var temp = new TempDirectory();
            var path = temp.Write("audit/predictions.jsonl", "{\"nothing\": 1}\n");

            // When
            var error = Assert.Throws<UsageException>(() => DriftSample.FromAuditLog(path, "audit/predictions.jsonl", Monitored));

            // Then
            Assert.That(error!.Message, Does.StartWith($"{path}:1: not an audit record ("));
        }
    }
}
