using System.Diagnostics;
using SkiaSharp;

namespace MlOps.Build.Tests;

/// <summary>The Report target as a user meets it: the default target leaves a card and a report that renders in a browser.</summary>
[Category("Slow")]
public sealed class ReportProgramTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public void Should_Leave_A_Model_Card_And_A_Report_That_Renders_In_Chromium()
    {
        // Given
        if (!File.Exists(Chromium) && Environment.GetEnvironmentVariable("MLOPS_REQUIRE_CHROMIUM") != "1")
        {
            Assert.Ignore("chromium is not installed (.ci/run installs it; MLOPS_REQUIRE_CHROMIUM=1 makes this a failure).");
        }

        using var build = BuildProgram.QuickSample();

        // When
        var result = build.Run();
        var run = build.Run("--target=ShowRun");
        var html = build.Repository["artifacts/credit-scoring/report.html"];
        var png = build.Repository["screenshot.png"];
        var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", $"--screenshot={png}", "--window-size=1280,4000", new Uri(html).AbsoluteUri })
        {
            start.ArgumentList.Add(argument);
        }

        using (var chromium = Process.Start(start)!)
        {
            chromium.StandardOutput.ReadToEndAsync();
            chromium.StandardError.ReadToEndAsync();
            Assert.That(chromium.WaitForExit(120_000), Is.True, "chromium did not finish within 2 minutes");
        }

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Output, Does.Match(@"Report\s+ran\s+\S+\s+model-card\.md, report\.html"));
        Assert.That(run.Output, Does.Contain("model-card.md").And.Contain("report.html"));
        var card = File.ReadAllText(build.Repository["artifacts/credit-scoring/model-card.md"]);
        Assert.That(card, Does.Contain("## Ethical considerations").And.Contain("| income |"));
        Assert.That(File.ReadAllText(html), Does.Contain("data:image/png;base64,").And.Not.Contain("src=\"http"));
        Assert.That(new FileInfo(png).Length, Is.GreaterThan(100_000));
        using var bitmap = SKBitmap.Decode(png);
        Assert.That(bitmap.Width, Is.EqualTo(1280));
        var colours = new HashSet<uint>();
        var inked = 0;
        for (var y = 0; y < bitmap.Height; y += 4)
        {
            for (var x = 0; x < bitmap.Width; x += 4)
            {
                var pixel = bitmap.GetPixel(x, y);
                colours.Add((uint)pixel);
                inked += pixel.Red < 240 || pixel.Green < 240 || pixel.Blue < 240 ? 1 : 0;
            }
        }

        // Plots and tables: many colours and a good share of ink, not a blank or an error page.
        Assert.That(colours, Has.Count.GreaterThan(200));
        Assert.That(inked, Is.GreaterThan(bitmap.Width / 4 * (bitmap.Height / 4) / 20));
        TestContext.Out.WriteLine($"screenshot: {bitmap.Width}x{bitmap.Height}, {colours.Count} colours, {inked} inked samples");
    }
}
