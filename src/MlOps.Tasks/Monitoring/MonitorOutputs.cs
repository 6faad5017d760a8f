using MlOps.Tasks.Files;

namespace MlOps.Tasks.Monitoring;

/// <summary>Writes what a Monitor run leaves in artifacts/&lt;pipeline&gt;/monitoring/, each file atomically.</summary>
public static class MonitorOutputs
{
    /// <summary>drift.json, drift.html and monitor.prom for <paramref name="report"/> in <paramref name="folder"/>.</summary>
    public static void Write(string folder, MonitorReport report)
    {
        Directory.CreateDirectory(folder);
        DriftJson.Write(Path.Combine(folder, "drift.json"), report);
        AtomicFile.WriteAllText(Path.Combine(folder, "drift.html"), DriftHtml.Write(report));
        AtomicFile.WriteAllText(Path.Combine(folder, "monitor.prom"), MonitorTextfile.Write(report));
    }
}
