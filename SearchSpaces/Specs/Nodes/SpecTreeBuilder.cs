using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Sweep.SearchSpaces.Specs.Reading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Sweep.SearchSpaces.Specs.Nodes;

/// <summary>
/// Builds the node tree from YamlDotNet's parser events. The representation model would throw on the first
/// duplicate key; building from events keeps every position and lets the reader report all duplicates. Bounded, so
/// that no spec can exhaust the stack or memory: nesting deeper than <see cref="MaxDepth"/>, or aliases that expand to
/// more than <see cref="MaxExpandedNodes"/> nodes (a "billion laughs" bomb), are errors at their line.
/// </summary>
internal static partial class SpecTreeBuilder
{
    /// <summary>The deepest nesting of maps and lists a spec may have (real specs need about 5).</summary>
    public const int MaxDepth = 64;

    /// <summary>How many nodes a spec may hold once every alias is expanded (real specs hold a few hundred).</summary>
    public const long MaxExpandedNodes = 100_000;

    /// <summary>The single document's root, or null (with an error added) when there is none or the YAML is malformed.</summary>
    public static SpecNode? Build(string text, SpecDiagnostics diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
        var open = new Stack<(int Line, int Column)>();
        var sizes = new Dictionary<SpecNode, long>(ReferenceEqualityComparer.Instance);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Add(1, 1, "", "the spec is empty; it must be a map with apiVersion, name, metric, budget, parameters and trial");
                return null;
            }
            parser.Consume<DocumentStart>();
            var root = parser.Accept<DocumentEnd>(out _) ? null : Node(parser, anchors, open, sizes, diagnostics);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
                diagnostics.Add((int)second.Start.Line, (int)second.Start.Column, "", "a spec file must hold a single YAML document");
            if (root is null or SpecScalar { Plain: true, Text: "" })
            {
                diagnostics.Add(1, 1, "", "the spec is empty; it must be a map with apiVersion, name, metric, budget, parameters and trial");
                return null;
            }
            return root;
        }
        catch (YamlException e)
        {
            diagnostics.Add((int)e.Start.Line, (int)e.Start.Column, "", $"YAML syntax error: {StripPosition(e.Message)}");
            return null;
        }
        catch (InvalidOperationException) when (open.Count > 0)
        {
            // YamlDotNet 16 throws this, without a position, when the text ends inside a flow collection.
            var (line, column) = open.Peek();
            diagnostics.Add(line, column, "", "YAML syntax error: the file ends before this collection is closed");
            return null;
        }
    }

    private static SpecNode Node(IParser parser, Dictionary<string, SpecNode> anchors, Stack<(int, int)> open,
                                 Dictionary<SpecNode, long> sizes, SpecDiagnostics diagnostics)
    {
        var e = parser.Consume<ParsingEvent>();
        SpecNode node;
        long size = 1;
        switch (e)
        {
            case AnchorAlias alias:
                if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    throw new AnchorNotFoundException(alias.Start, alias.End, $"alias *{alias.Value} has no anchor before it");
                return target;
            case Scalar s:
                // A tagged scalar (e.g. !!str 4) is taken as written, a string; the core schema types only untagged plain ones.
                node = new SpecScalar(s.Value, s.Style == ScalarStyle.Plain && s.Tag.IsEmpty, (int)s.Start.Line, (int)s.Start.Column);
                Remember(s, node, anchors);
                sizes[node] = 1;
                return node;
            case SequenceStart seq:
                var items = ImmutableArray.CreateBuilder<SpecNode>();
                Open(open, seq);
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    var item = Node(parser, anchors, open, sizes, diagnostics);
                    size = Grow(size, sizes[item], seq);
                    items.Add(item);
                }
                open.Pop();
                node = new SpecSequence(items.ToImmutable(), (int)seq.Start.Line, (int)seq.Start.Column);
                break;
            case MappingStart map:
                var entries = ImmutableArray.CreateBuilder<SpecEntry>();
                Open(open, map);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = Node(parser, anchors, open, sizes, diagnostics);
                    var value = Node(parser, anchors, open, sizes, diagnostics);
                    size = Grow(Grow(size, sizes[key], map), sizes[value], map);
                    if (key is SpecScalar k) entries.Add(new SpecEntry(k, value));
                    else diagnostics.Add(key, "", $"a map key must be a scalar (got {key.Describe()})");
                }
                open.Pop();
                node = new SpecMapping(entries.ToImmutable(), (int)map.Start.Line, (int)map.Start.Column);
                break;
            default:
                throw new YamlException(e.Start, e.End, $"unexpected {e.GetType().Name}");
        }
        Remember((NodeEvent)e, node, anchors);
        sizes[node] = size;
        return node;
    }

    private static void Open(Stack<(int, int)> open, ParsingEvent start)
    {
        if (open.Count >= MaxDepth)
            throw new YamlException(start.Start, start.End, $"maps and lists are nested deeper than {MaxDepth} levels");
        open.Push(((int)start.Start.Line, (int)start.Start.Column));
    }

    private static long Grow(long size, long child, ParsingEvent at)
    {
        var total = size + child;
        if (total > MaxExpandedNodes)
            throw new YamlException(at.Start, at.End, $"this collection expands to more than {MaxExpandedNodes:N0} nodes (aliases repeat their anchor's whole content)");
        return total;
    }

    private static void Remember(NodeEvent e, SpecNode node, Dictionary<string, SpecNode> anchors)
    {
        if (!e.Anchor.IsEmpty) anchors[e.Anchor.Value] = node;
    }

    // YamlDotNet prefixes messages with "(Line: l, Col: c, Idx: i) - (…): "; the error line already says where.
    private static string StripPosition(string message) => PositionPrefix().Replace(message, "");

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
