namespace MlOps.Tasks.Pipeline;

/// <summary>Which end of a bin is included.</summary>
public enum BinClosed
{
    /// <summary>[a, b): the lower edge belongs to the bin.</summary>
    Left,

    /// <summary>(a, b]: the upper edge belongs to the bin.</summary>
    Right,
}
