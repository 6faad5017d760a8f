namespace MlOps.Tasks.Data;

/// <summary>The outcome of tracking: the pointer written, the one it replaced, and whether anything changed on disk.</summary>
public sealed record TrackResult(string PointerFile, DataPointer Written, DataPointer? Previous, bool Changed);
