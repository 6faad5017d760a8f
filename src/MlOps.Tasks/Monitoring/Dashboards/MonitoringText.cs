using System.Globalization;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Monitoring.Dashboards;

/// <summary>How dashboards and alerts point users back at the pipeline file and print shares.</summary>
internal static class MonitoringText
{
    /// <summary>The pipeline file, or words for it when the definition was not read from a file.</summary>
    public static string Source(PipelineDefinition pipeline) => pipeline.File.Length > 0 ? pipeline.File : "the pipeline file";

    /// <summary>Where <paramref name="key"/> of <paramref name="section"/> is written: file:line:column when known.</summary>
    public static string Where(PipelineDefinition pipeline, PipelineSection section, string key) =>
        section.LocationOf(key)?.ToString() ?? Source(pipeline);

    /// <summary>A share as a percentage, e.g. <c>50 %</c>.</summary>
    public static string Percent(double share) => Math.Round(share * 100, 9).ToString("0.#########", CultureInfo.InvariantCulture) + " %";
}
