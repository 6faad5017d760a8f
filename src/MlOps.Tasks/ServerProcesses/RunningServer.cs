namespace MlOps.Tasks.ServerProcesses;

/// <summary>A deployed scoring server: what it runs as (a process id or a container id) and its deployment folder.</summary>
public sealed record RunningServer(string RunsAs, string Folder);
