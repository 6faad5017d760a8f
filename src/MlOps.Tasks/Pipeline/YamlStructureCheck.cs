using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MlOps.Tasks.Pipeline;

/// <summary>
/// Reads a YAML text event by event (YamlDotNet's parser keeps its own stack on the heap) and refuses,
/// before any recursive code sees it: a syntax error, nesting deeper than <see cref="MaxDepth"/>,
/// an alias without an anchor before it or inside what it repeats, and aliases that repeat the
/// file past <see cref="MaxValues"/> values. Depth and size count what aliases repeat.
/// </summary>
internal sealed class YamlStructureCheck(string text, string file)
{
    /// <summary>The deepest nesting of lists and mappings accepted; a pipeline file needs about six.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most values (scalars, lists and mappings, aliases counted as what they repeat) accepted.</summary>
    public const int MaxValues = 100_000;

    private readonly Stack<OpenNode> open = new();
    private readonly Dictionary<string, (long Size, int Height)> anchors = new(StringComparer.Ordinal);
    private long values;

    /// <exception cref="InvalidFileException">The text breaks one of the rules; the message names the place.</exception>
    public void Run()
    {
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        var parser = new Parser(scanner);
        try
        {
            while (parser.MoveNext())
            {
                Visit(parser.Current!);
            }
        }
        catch (YamlException e)
        {
            var flow = InnermostFlow();
            throw new InvalidFileException(YamlSyntax.Locate(text, file, e, scanner.CurrentPosition, flow), YamlSyntax.Problem(e, text, flow));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner gives up on some malformed input (e.g. '[' then a '...' line) without a YAML error.
            var flow = InnermostFlow();
            throw new InvalidFileException(flow?.Start ?? YamlSyntax.Clamp(text, file, scanner.CurrentPosition), YamlSyntax.Unreadable(text, scanner.CurrentPosition, flow));
        }
    }

    private void Visit(ParsingEvent current)
    {
        switch (current)
        {
            case NodeEvent node when node is SequenceStart or MappingStart:
                Count(node, 1);
                open.Push(new OpenNode(AnchorOf(node), Place(node.Start), node is MappingStart,
                    node is SequenceStart { Style: SequenceStyle.Flow } ? '[' : node is MappingStart { Style: MappingStyle.Flow } ? '{' : null));
                if (open.Count > MaxDepth)
                {
                    throw TooDeep(node);
                }

                break;
            case SequenceEnd or MappingEnd:
                var closed = open.Pop();
                if (closed.IsMapping && closed.Children % 2 == 1)
                {
                    // YamlDotNet's parser can end a mapping after a key (e.g. a last line "  :"), which its loader cannot read.
                    throw new InvalidFileException(closed.LastChild!, "YAML syntax error: this entry of a mapping lacks its key or its value.");
                }

                Finish(closed.Anchor, closed.Size, closed.Height + 1, closed.Start);
                break;
            case AnchorAlias alias:
                Repeat(alias);
                break;
            case DocumentStart:
                // Anchors belong to their document.
                anchors.Clear();
                break;
            case Scalar scalar:
                Count(scalar, 1);
                Finish(AnchorOf(scalar), 1, 0, Place(scalar.Start));
                break;
        }
    }

    private void Repeat(AnchorAlias alias)
    {
        var name = alias.Value.Value;
        if (open.Any(n => n.Anchor == name))
        {
            throw new InvalidFileException(Place(alias.Start),
                $"The alias '*{name}' stands inside the value anchored '&{name}' that it repeats; a file cannot contain itself.");
        }

        if (!anchors.TryGetValue(name, out var repeated))
        {
            throw new InvalidFileException(Place(alias.Start),
                $"The alias '*{name}' has no anchor '&{name}' before it; write '&{name}' on the value to repeat, above this line.");
        }

        Count(alias, repeated.Size);
        if (open.Count + repeated.Height > MaxDepth)
        {
            throw TooDeep(alias);
        }

        Finish(null, repeated.Size, repeated.Height, Place(alias.Start));
    }

    // Adds a finished value to the collection it stands in, and remembers it under its anchor.
    private void Finish(string? anchor, long size, int height, SourceLocation start)
    {
        if (anchor is not null)
        {
            anchors[anchor] = (size, height);
        }

        if (open.TryPeek(out var parent))
        {
            parent.Size += size;
            parent.Height = Math.Max(parent.Height, height);
            parent.Children++;
            parent.LastChild = start;
        }
    }

    private void Count(ParsingEvent current, long size)
    {
        values += size;
        if (values > MaxValues)
        {
            throw new InvalidFileException(Place(current.Start), string.Create(CultureInfo.InvariantCulture,
                $"Aliases here repeat values until the file holds more than {MaxValues} of them; write out what you need instead."));
        }
    }

    private InvalidFileException TooDeep(ParsingEvent current) => new(Place(current.Start),
        string.Create(CultureInfo.InvariantCulture, $"Lists and mappings are nested more than {MaxDepth} levels deep here; remove the extra nesting."));

    private OpenNode? InnermostFlow() => open.FirstOrDefault(n => n.Bracket is not null);

    private SourceLocation Place(Mark mark) => new(file, mark.Line, mark.Column);

    private static string? AnchorOf(NodeEvent node) => node.Anchor.IsEmpty ? null : node.Anchor.Value;

    /// <summary>A list or mapping whose end has not been read yet.</summary>
    internal sealed class OpenNode(string? anchor, SourceLocation start, bool isMapping, char? bracket)
    {
        public string? Anchor { get; } = anchor;

        public SourceLocation Start { get; } = start;

        /// <summary>A mapping, whose children must pair keys with values.</summary>
        public bool IsMapping { get; } = isMapping;

        /// <summary>'[' or '{' for a flow collection, which must be closed; null for a block one.</summary>
        public char? Bracket { get; } = bracket;

        /// <summary>Values inside, counting what aliases repeat, and this node itself.</summary>
        public long Size { get; set; } = 1;

        /// <summary>The deepest nesting inside it.</summary>
        public int Height { get; set; }

        /// <summary>How many keys, values or items it holds.</summary>
        public int Children { get; set; }

        /// <summary>Where the last of them starts.</summary>
        public SourceLocation? LastChild { get; set; }
    }
}
