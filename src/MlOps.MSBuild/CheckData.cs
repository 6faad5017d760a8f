using MlOps.Tasks;
using MlOps.Tasks.Data;
using MlOps.Tasks.Pipeline;

namespace MlOps.MSBuild;

/// <summary>CheckData: refuses data whose md5 differs from its .dvc pointer; says so and passes when the data is not pinned.</summary>
public sealed class CheckData : PipelineTask
{
    /// <inheritdoc />
    protected override void Run(PipelineWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var path = workspace.Pipeline.Data.Path;
        var pointer = Path.Combine(workspace.RepositoryRoot, path + ".dvc");
        if (Directory.Exists(pointer))
        {
            throw new UsageException($"{path}.dvc is a folder, not a DVC pointer file; move it away and run ./build.sh --target=TrackData to pin the data.");
        }

        DataPointer? verified;
        try
        {
            verified = new DataCheck(workspace.RepositoryRoot).Verify(path, rehash: Force);
        }
        catch (DataMismatchException mismatch)
        {
            // The data differs from what its pointer pins: the error names the pointer, the file to update once the change is intended.
            Errors(workspace).Error(ErrorCodes.BadInput, new SourceLocation(path + ".dvc", 0, 0), mismatch.Message);
            return;
        }

        if (verified is null)
        {
            Say($"CheckData: {path}.dvc does not exist; run TrackData to pin the data", important: true);
            return;
        }

        Say($"CheckData: {path}: md5 {verified.Md5} matches {path}.dvc", important: true);
    }
}
