using MlOps.Testing;

namespace MlOps.Build.Tests;

[Category("Slow")]
public sealed class ProgramTests
{
    [Test]
    public void Should_Show_The_Graph_With_Tree()
    {
        // Given
        using var build = new BuildProgram();

        // When
        var result = build.Run("--tree");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Errors);
        Assert.That(result.Output, Does.StartWith("Default — ").And.Contains("└── ValidateData — ").And.Contains("        └── PullData — "));
    }

    [Test]
    public void Should_Skip_The_Data_Check_While_The_Data_Has_No_Pointer()
    {
        // Given
        using var build = new BuildProgram();

        // When
        var result = build.Run();

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Errors);
        Assert.That(result.Output, Does.Match(@"CheckData\s+skipped\s+0\.00s\s+data\.dvc does not exist; run TrackData to pin the data"));
        Assert.That(result.Output, Does.Not.Contain("\u001b["), "NO_COLOR and a redirected output mean no escape codes");
    }

    [Test]
    public void Should_Write_The_Pointer_Byte_For_Byte_As_Dvc_3()
    {
        // Given
        using var build = new BuildProgram();
        DvcVectors.WriteVectorA(build.Repository, "data");

        // When
        var result = build.Run("--target=TrackData", "--path=data");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Errors);
        Assert.That(File.ReadAllBytes(build.Repository["data.dvc"]), Is.EqualTo(System.Text.Encoding.UTF8.GetBytes(DvcVectors.VectorAPointer)));
        Assert.That(File.ReadAllText(build.Repository[".gitignore"]), Is.EqualTo("/data\n"));
        Assert.That(result.Output, Does.Contain($"data.dvc: md5 {DvcVectors.VectorAMd5}, 3 files, 32 bytes"));
    }

    [Test]
    public void Should_Exit_2_Naming_Both_Hashes_When_One_Byte_Of_Tracked_Data_Changes()
    {
        // Given
        using var build = new BuildProgram();
        DvcVectors.WriteVectorA(build.Repository, "data");
        build.Run("--target=TrackData");
        build.Repository.Write("data/sub/b.txt", "nested filE\n");

        // When
        var result = build.Run();

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Errors, Does.Match(
            @"^Error: data: md5 [0-9a-f]{32}\.dir does not match data\.dvc \(f35192d9e982b0e9a9316b7f20253770\.dir\) \[data/sub/b\.txt changed\]; "
            + @"run `\./build\.sh --target=TrackData --path=data` if the change is intended\.\n$"));
        Assert.That(result.Output, Does.Match(@"CheckData\s+failed"));
    }

    [Test]
    public void Should_Pass_The_Data_Check_After_Tracking()
    {
        // Given
        using var build = new BuildProgram();
        DvcVectors.WriteVectorA(build.Repository, "data");
        build.Run("--target=TrackData");

        // When
        var result = build.Run("--target=CheckData");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Errors);
        Assert.That(result.Output, Does.Contain($"data: md5 {DvcVectors.VectorAMd5} matches data.dvc"));
    }

    [Test]
    public void Should_Exit_2_And_List_The_Tasks_For_An_Unknown_Target()
    {
        // Given
        using var build = new BuildProgram();

        // When
        var result = build.Run("--target=Nope");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Errors, Is.EqualTo(
            "Error: Task 'Nope' does not exist. Available tasks: BiasCheck, BuildImage, CheckData, Compare, Default, Deploy, Migrate, Models, Monitor, Prune, "
            + "PullData, PushData, Report, Rollback, Serve, SetAlias, ShowRun, Status, TrackData, Train, Undeploy, Validate, ValidateData, VerifyAudit.\n"));
    }

    [Test]
    public void Should_Exit_2_Naming_File_Line_And_Column_Of_A_Malformed_Pipeline()
    {
        // Given
        using var build = new BuildProgram();
        build.Repository.Write("pipelines/credit-scoring.yaml", "name: credit-scoring\ndata:\n  path: data\n  paht: typo\n");

        // When
        var result = build.Run();

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Errors, Is.EqualTo("Error: pipelines/credit-scoring.yaml:4:3: Unknown key 'paht' in 'data'. Did you mean 'path'? "
            + "Expected one of: csv, current, path, source, table.\n"));
    }

    [Test]
    public void Should_Exit_2_For_An_Environment_The_Pipeline_Does_Not_Define()
    {
        // Given
        using var build = new BuildProgram();

        // When
        var result = build.Run("--environment=prod");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Errors, Is.EqualTo("Error: Environment 'prod' is not defined in pipelines/credit-scoring.yaml; defined: local, docker, cluster.\n"));
    }

    [Test]
    public void Should_Exit_1_When_A_Task_Fails()
    {
        // Given: a file where the DVC folder must go, so the cache cannot be written.
        using var build = new BuildProgram();
        DvcVectors.WriteVectorA(build.Repository, "data");
        build.Repository.Write(".dvc", "not a folder");

        // When
        var result = build.Run("--target=TrackData");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Errors, Does.StartWith("Error: ").And.Not.Contains("   at "));
        Assert.That(File.Exists(build.Repository["data.dvc"]), Is.False, "no pointer without its cache objects");
    }

    [Test]
    public void Should_Run_No_Task_Body_On_A_Dry_Run()
    {
        // Given
        using var build = new BuildProgram();
        DvcVectors.WriteVectorA(build.Repository, "data");

        // When
        var result = build.Run("--target=TrackData", "--dryrun");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Errors);
        Assert.That(result.Output, Does.Match(@"TrackData\s+would run"));
        Assert.That(File.Exists(build.Repository["data.dvc"]), Is.False);
        Assert.That(Directory.Exists(build.Repository[".dvc"]), Is.False);
    }

    [Test]
    public void Should_Exit_2_For_An_Unknown_Option()
    {
        // Given
        using var build = new BuildProgram();

        // When
        var result = build.Run("--pth=data");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Errors, Is.EqualTo("Error: Unknown option '--pth'. Did you mean '--path'? Run with --help to see the options.\n"));
    }
}
