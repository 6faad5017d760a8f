namespace MlOps.Models.Drift;

/// <summary>Which way the mean must move for <see cref="PageHinkley"/> to call it a drift (river's <c>mode</c>).</summary>
public enum PageHinkleyMode
{
    /// <summary>A rise or a fall of the mean (river's <c>"both"</c>, its default).</summary>
    Both,

    /// <summary>Only a rise of the mean (river's <c>"up"</c>), e.g. a loss that grows.</summary>
    Up,

    /// <summary>Only a fall of the mean (river's <c>"down"</c>), e.g. an accuracy that shrinks.</summary>
    Down,
}
