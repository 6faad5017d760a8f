using System.Globalization;
using Cake.Core.Diagnostics;
using MlOps.Build.Host;
using MlOps.Models.Scoring;
using MlOps.Tasks;
using MlOps.Tasks.ServerProcesses;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tasks;

[TaskName("Serve")]
[TaskDescription("Run the scoring server in the foreground on the staging version (else the candidate) until Ctrl+C.")]
[TaskArgument("port", "The loopback port to listen on (default 5080).")]
[TaskArgument("version", "The version to serve instead: v3, 3, latest or an alias.")]
internal sealed class ServeTask : BuildTask
{
    public override void Run(BuildContext context)
    {
        var port = context.Argument("port") is not { } text ? ServingDefaults.LocalPort
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 65535 ? value
            : throw new UsageException($"--port={text} is not a port number; expected 1 to 65535.");
        ModelVersion version;
        using (var store = TrackingStore.Open(context.Store))
        {
            version = ServedVersion.Pick(store, context.Pipeline.Name, context.Argument("version"));
        }

        // The server checks the signature; a validly signed bundle of another version is refused here, before it starts.
        VerifiedVersion.Of(context.Store, version);
        var launch = ServerLaunch.For(context.Store.Folder, version, port, Path.Combine(ServerPrograms.Framework, LocalTarget.Program));
        context.Log.Information(FormattableString.Invariant(
            $"Serve: {version.Model} v{version.Version} [{string.Join(", ", version.Aliases)}] on http://127.0.0.1:{port}; ")
            + $"audit log {Path.GetRelativePath(context.RepositoryRoot, launch.AuditLog)}; Ctrl+C stops it.");
        using var deferred = context.DeferSignals();
        using var server = ScoringServerProcess.Start(launch);
        var code = server.RunUntilStopped(context.Cancellation);
        context.Note($"v{version.Version} served until stopped");
        if (code != 0)
        {
            throw code == 2
                ? new UsageException("The scoring server refused to start; its reason is above.")
                : new InvalidOperationException($"The scoring server stopped with exit code {code}; its log is above.");
        }
    }
}
