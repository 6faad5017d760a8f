using MlOps.Testing;

namespace MlOps.Build.Tests.BadInputs;

/// <summary>
/// Damaged bundles of a registered version (BadInputs/bundle.yaml): Serve must refuse them with exit 2 naming the
/// bundle, and never start serving. Each case damages a copy of one trained repository.
/// </summary>
[Category("Slow")]
[Category("BadInputs")]
public sealed class ModelBundleTests
{
    private static IEnumerable<TestCaseData> BundleCases() => BadInputCorpus.Of("bundle");

    [TestCaseSource(nameof(BundleCases))]
    public async Task Should_Refuse_A_Damaged_Bundle_Naming_It(BadInput input)
    {
        // Given
        using var build = CorpusRepositories.CopyOf(CorpusRepositories.Trained);
        ProgramCase.Prepare(input, build);
        var bundles = Directory.GetFiles(build.Repository[".mlops"], "*.mlbundle", SearchOption.AllDirectories);
        Assert.That(bundles, Is.Not.Empty, "the trained repository registers a bundle");
        foreach (var bundle in bundles.Where(_ => input.Bundle is not null))
        {
            BundleDamage.Apply(input.Bundle!, bundle, build.Repository[".mlops/keys/signing-key.pem"]);
        }

        var before = RepositorySnapshot.Of(build.Repository.Path);
        var port = MlOps.Tasks.ServerProcesses.LoopbackPort.Free();

        // When
        var result = await ServeOrRefuseAsync(build, port, input.Args ?? ["--target=Serve", "--port={port}"]);

        // Then
        ProgramCase.AssertAnswered(input, result.ExitCode, result.Output, result.Errors, errorLines: 1);
        var changed = RepositorySnapshot.Of(build.Repository.Path).ChangedSince(before, [".dvc/tmp/**", .. input.Changes]);
        Assert.That(changed, Is.Empty, "files the refused Serve changed");
    }

    /// <summary>Runs Serve until it exits by itself, or stops it as soon as it answers /health (a case failure: it served).</summary>
    private static async Task<BuildProgram.Result> ServeOrRefuseAsync(BuildProgram build, int port, IEnumerable<string> args)
    {
        using var serve = build.Launch([.. args.Select(a => a.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))]);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!serve.HasExited && clock.Elapsed < TestTimeLimits.Run)
        {
            try
            {
                if ((await client.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    var served = serve.Stop();
                    Assert.Fail($"Serve served the damaged bundle: {served.Output}{served.Errors}");
                }
            }
            catch (HttpRequestException)
            {
                // Not listening: still checking the bundle, or refused it.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(250);
        }

        return serve.Stop();
    }
}
