using MlOps.Tasks.ServerProcesses;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.ServerProcesses;

public class SmokeRowsTests
{
    private static SmokeRows Rows(TempDirectory folder, int count = 2)
    {
        var predictions = folder.Write("predictions.csv", "id,label,score,predicted,gender\nc,1,0.75,1,female\na,0,0.25,0,male\nq,0,0.5,0,male\n");
        var table = folder.Write("credit.csv", "id,income,default,region\na,35,0,south\n\"b,x\",40,1,north\nc,90,1,north\nd,50,0,south\n");
        return SmokeRows.From(predictions, table, ",", "id", "default", count);
    }

    public class From
    {
        [Test]
        public void Should_Take_Predicted_Rows_From_The_Table_Without_Their_Label()
        {
            // Given
            using var folder = new TempDirectory();

            // When
            var rows = Rows(folder);

            // Then
            Assert.That(rows.Body, Is.EqualTo("id,income,region\na,35,south\nc,90,north\n"));
            Assert.That(rows.Ids, Is.EqualTo(new[] { "a", "c" }));
            Assert.That(rows.Scores, Is.EqualTo(new[] { 0.25, 0.75 }));
        }

        [Test]
        public void Should_Name_A_Missing_Column()
        {
            // Given
            using var folder = new TempDirectory();
            var predictions = folder.Write("predictions.csv", "id,label,score\na,0,0.25\n");
            var table = folder.Write("credit.csv", "key,income,default\na,35,0\n");

            // When
            var failed = Assert.Throws<ServerCheckException>(() => SmokeRows.From(predictions, table, ",", "id", "default", 2));

            // Then
            Assert.That(failed!.Message, Is.EqualTo($"{table} has no column 'id'; the smoke test needs the id and label columns."));
        }
    }

    public class Compare
    {
        [Test]
        public void Should_Return_The_Largest_Difference_When_Every_Score_Agrees()
        {
            // Given
            using var folder = new TempDirectory();
            var rows = Rows(folder);

            // When
            var difference = rows.Compare("""{"predictions": [{"score": 0.2500000001}, {"score": 0.75}]}""");

            // Then
            Assert.That(difference, Is.EqualTo(1e-10).Within(1e-12));
        }

        [Test]
        public void Should_Name_The_Row_Whose_Score_Differs()
        {
            // Given
            using var folder = new TempDirectory();
            var rows = Rows(folder);

            // When
            var failed = Assert.Throws<ServerCheckException>(() => rows.Compare("""{"predictions": [{"score": 0.25}, {"score": 0.7}]}"""));

            // Then
            Assert.That(failed!.Message, Is.EqualTo("The server scores row 'c' 0.7, but Validate recorded 0.75; it does not serve the model that was gated."));
        }

        [Test]
        public void Should_Fail_When_Rows_Are_Missing_From_The_Answer()
        {
            // Given
            using var folder = new TempDirectory();
            var rows = Rows(folder);

            // When
            var failed = Assert.Throws<ServerCheckException>(() => rows.Compare("""{"predictions": [{"score": 0.25}]}"""));

            // Then
            Assert.That(failed!.Message, Is.EqualTo("The smoke test sent 2 rows and got 1 scores back."));
        }
    }
}
