namespace MlOps.Tasks.Data;

/// <summary>
/// Orders strings by Unicode code point, as Python sorts str. .NET's ordinal compare works on
/// UTF-16 units and puts U+E000–U+FFFF after astral characters; Python puts them before.
/// </summary>
internal sealed class CodePointOrder : IComparer<string>
{
    /// <summary>The comparer.</summary>
    public static readonly CodePointOrder Instance = new();

    /// <summary>Compares two strings code point by code point.</summary>
    public static int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var left = x.EnumerateRunes();
        var right = y.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft.CompareTo(hasRight);
            }

            var order = left.Current.Value.CompareTo(right.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }

    int IComparer<string>.Compare(string? x, string? y) => Compare(x, y);
}
