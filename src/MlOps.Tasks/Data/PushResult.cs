namespace MlOps.Tasks.Data;

/// <summary>What PushData did.</summary>
/// <param name="Remote">The remote, as users name it.</param>
/// <param name="Pushed">Objects uploaded (the others were there already).</param>
/// <param name="Total">Objects the pointer needs: its files and, for a directory, the manifest.</param>
/// <param name="PushedBytes">Bytes uploaded.</param>
public sealed record PushResult(string Remote, int Pushed, int Total, long PushedBytes);
