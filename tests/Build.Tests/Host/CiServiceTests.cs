using MlOps.Build.Host;
using MlOps.Tasks;
using MlOps.Testing;

namespace MlOps.Build.Tests.Host;

/// <summary>Each CI service's lines: detection from a given environment, groups, annotations and their escaping.</summary>
public sealed class CiServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 3, 30, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static CiService Detect(params (string Name, string Value)[] variables) =>
        CiService.Detect(variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal), "/work/repo", new FixedClock(Now));

    public sealed class DetectFromTheEnvironment
    {
        [TestCase("GITHUB_ACTIONS", "true", "GitHub Actions")]
        [TestCase("GITLAB_CI", "true", "GitLab CI/CD")]
        [TestCase("TF_BUILD", "True", "Azure Pipelines")]
        [TestCase("GITHUB_ACTIONS", "false", "none")]
        [TestCase("GITHUB_ACTIONS", "", "none")]
        [TestCase("CI", "true", "none")]
        public void Should_Choose_The_Service_Its_Standard_Variable_Names(string name, string value, string service)
        {
            // When, Then
            Assert.That(Detect((name, value)).Name, Is.EqualTo(service));
        }

        [Test]
        public void Should_Write_Plain_Output_When_Nothing_Is_Set()
        {
            // When
            var ci = Detect();

            // Then
            Assert.That(ci, Is.SameAs(CiService.None));
            Assert.That(ci.StartGroup("Train"), Is.Null);
            Assert.That(ci.EndGroup("Train"), Is.Null);
            Assert.That(ci.Annotate(new CiAnnotation(CiSeverity.Error, "x")), Is.Null);
            Assert.That(ci.HasSummary, Is.False);
        }

        // Monitor --retrain's build runs inside Monitor's group; GitHub and Azure close a group at the first end, nested or not.
        [TestCase("GITHUB_ACTIONS", "true", false)]
        [TestCase("TF_BUILD", "True", false)]
        [TestCase("GITLAB_CI", "true", true)]
        public void Should_Open_No_Group_Inside_Another_Where_The_Service_Does_Not_Nest_Them(string name, string value, bool grouped)
        {
            // When
            var ci = Detect((name, value), ("MLOPS_NESTED_BUILD", "true"));

            // Then
            Assert.That(ci.StartGroup("Train"), grouped ? Is.Not.Null : Is.Null);
            Assert.That(ci.EndGroup("Train"), grouped ? Is.Not.Null : Is.Null);
            Assert.That(Detect((name, value)).StartGroup("Train"), Is.Not.Null);
        }

        [Test]
        public void Should_Have_A_Summary_On_GitHub_Only_With_GITHUB_STEP_SUMMARY()
        {
            // When, Then
            Assert.That(Detect(("GITHUB_ACTIONS", "true")).HasSummary, Is.False);
            Assert.That(Detect(("GITHUB_ACTIONS", "true"), ("GITHUB_STEP_SUMMARY", "/tmp/summary.md")).HasSummary, Is.True);
        }
    }

    public sealed class OnGitHubActions
    {
        [Test]
        public void Should_Group_Each_Task()
        {
            // Given
            var ci = Detect(("GITHUB_ACTIONS", "true"));

            // When, Then
            Assert.That((ci.StartGroup("Train"), ci.EndGroup("Train")), Is.EqualTo(("::group::Train", "::endgroup::")));
        }

        [Test]
        public void Should_Name_The_File_Relative_To_The_Workspace_With_Line_Column_And_Title()
        {
            // Given: the repository is a folder of the workspace
            var ci = CiService.Detect(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_WORKSPACE"] = "/work" }, "/work/repo", TimeProvider.System);
            var annotation = new CiAnnotation(CiSeverity.Error, "Unknown key 'paht' in 'data'.", "Train", new SourceLocation("pipelines/credit-scoring.yaml", 4, 3));

            // When, Then
            Assert.That(ci.Annotate(annotation), Is.EqualTo("::error file=repo/pipelines/credit-scoring.yaml,line=4,col=3,title=Train::Unknown key 'paht' in 'data'."));
        }

        [Test]
        public void Should_Escape_Percent_And_Line_Breaks_In_The_Message_And_Colons_And_Commas_In_Properties()
        {
            // Given
            var ci = Detect(("GITHUB_ACTIONS", "true"), ("GITHUB_WORKSPACE", "/work/repo"));
            var annotation = new CiAnnotation(CiSeverity.Warning, "50% of rows:\r\nnull, empty", "a:b,c", new SourceLocation("p,1:x.yaml", 1, 2));

            // When, Then
            Assert.That(ci.Annotate(annotation), Is.EqualTo("::warning file=p%2C1%3Ax.yaml,line=1,col=2,title=a%3Ab%2Cc::50%25 of rows:%0D%0Anull, empty"));
        }

        [Test]
        public void Should_Annotate_Without_Properties_When_There_Is_No_File()
        {
            // When, Then
            Assert.That(Detect(("GITHUB_ACTIONS", "true")).Annotate(new CiAnnotation(CiSeverity.Error, "the disk is full")), Is.EqualTo("::error::the disk is full"));
        }

        [Test]
        public void Should_Append_The_Summary_To_GITHUB_STEP_SUMMARY()
        {
            // Given: an earlier step's summary
            using var temp = new TempDirectory();
            File.WriteAllText(temp["summary.md"], "earlier\n");
            var ci = Detect(("GITHUB_ACTIONS", "true"), ("GITHUB_STEP_SUMMARY", temp["summary.md"]));

            // When
            var written = ci.AppendSummary("## Build\n");

            // Then
            Assert.That(written, Is.True);
            Assert.That(File.ReadAllText(temp["summary.md"]), Is.EqualTo("earlier\n## Build\n"));
        }
    }

    public sealed class OnGitLab
    {
        [Test]
        public void Should_Open_And_Close_A_Collapsed_Section_At_The_Unix_Time()
        {
            // Given
            var ci = Detect(("GITLAB_CI", "true"));
            var time = Now.ToUnixTimeSeconds();

            // When, Then
            Assert.That(ci.StartGroup("ValidateData"), Is.EqualTo($"\u001b[0Ksection_start:{time}:task_validatedata[collapsed=true]\r\u001b[0KValidateData"));
            Assert.That(ci.EndGroup("ValidateData"), Is.EqualTo($"\u001b[0Ksection_end:{time}:task_validatedata\r\u001b[0K"));
        }

        [TestCase("Train", "task_train")]
        [TestCase("My Task:1", "task_my_task_1")]
        public void Should_Name_A_Section_With_Letters_Digits_And_Underscores_Only(string task, string section)
        {
            // When, Then
            Assert.That(GitLabCi.SectionName(task), Is.EqualTo(section));
        }

        [Test]
        public void Should_Leave_Errors_As_The_Plain_Error_Line()
        {
            // When, Then
            Assert.That(Detect(("GITLAB_CI", "true")).Annotate(new CiAnnotation(CiSeverity.Error, "x", "Train", new SourceLocation("p.yaml", 1, 1))), Is.Null);
        }
    }

    public sealed class OnAzurePipelines
    {
        [Test]
        public void Should_Group_Each_Task()
        {
            // Given
            var ci = Detect(("TF_BUILD", "True"));

            // When, Then
            Assert.That((ci.StartGroup("Train"), ci.EndGroup("Train")), Is.EqualTo(("##[group]Train", "##[endgroup]")));
        }

        [Test]
        public void Should_Log_An_Issue_With_Source_Path_Line_And_Column()
        {
            // Given
            var ci = Detect(("TF_BUILD", "True"), ("BUILD_SOURCESDIRECTORY", "/work"));
            var annotation = new CiAnnotation(CiSeverity.Error, "auc 0.7712 is below the minimum 0.95", "Validate", new SourceLocation("pipelines/p.yaml", 14, 7));

            // When, Then
            Assert.That(ci.Annotate(annotation), Is.EqualTo(
                "##vso[task.logissue type=error;sourcepath=repo/pipelines/p.yaml;linenumber=14;columnnumber=7]auc 0.7712 is below the minimum 0.95"));
        }

        [Test]
        public void Should_Escape_As_The_Task_Library_Does()
        {
            // Given
            var ci = Detect(("TF_BUILD", "True"));
            var annotation = new CiAnnotation(CiSeverity.Warning, "50%\r\nnext", null, new SourceLocation("a;b]c.yaml", 1, 1));

            // When, Then
            Assert.That(ci.Annotate(annotation), Is.EqualTo("##vso[task.logissue type=warning;sourcepath=a%3Bb%5Dc.yaml;linenumber=1;columnnumber=1]50%AZP25%0D%0Anext"));
        }
    }
}
