using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Sweep.SearchSpaces.Specs.Reading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Sweep.SearchSpaces.Specs.Nodes;

/// <summary>
/// Builds the node tree from YamlDotNet's parser events. The representation model would throw on the first
/// duplicate key; building from events keeps every position and lets the reader report all duplicates.
/// </summary>
internal static partial class SpecTreeBuilder
{
    /// <summary>The single document's root, or null (with an error added) when there is none or the YAML is malformed.</summary>
    public static SpecNode? Build(string text, SpecDiagnostics diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
        var open = new Stack<(int Line, int Column)>();
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Add(1, 1, "", "the spec is empty; it must be a map with apiVersion, name, metric, budget, parameters and trial");
                return null;
            }
            parser.Consume<DocumentStart>();
            var root = parser.Accept<DocumentEnd>(out _) ? null : Node(parser, anchors, open, diagnostics);
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

    private static SpecNode Node(IParser parser, Dictionary<string, SpecNode> anchors, Stack<(int, int)> open, SpecDiagnostics diagnostics)
    {
        var e = parser.Consume<ParsingEvent>();
        SpecNode node;
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
                return node;
            case SequenceStart seq:
                var items = ImmutableArray.CreateBuilder<SpecNode>();
                open.Push(((int)seq.Start.Line, (int)seq.Start.Column));
                while (!parser.TryConsume<SequenceEnd>(out _))
                    items.Add(Node(parser, anchors, open, diagnostics));
                open.Pop();
                node = new SpecSequence(items.ToImmutable(), (int)seq.Start.Line, (int)seq.Start.Column);
                Remember(seq, node, anchors);
                return node;
            case MappingStart map:
                var entries = ImmutableArray.CreateBuilder<SpecEntry>();
                open.Push(((int)map.Start.Line, (int)map.Start.Column));
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = Node(parser, anchors, open, diagnostics);
                    var value = Node(parser, anchors, open, diagnostics);
                    if (key is SpecScalar k) entries.Add(new SpecEntry(k, value));
                    else diagnostics.Add(key, "", $"a map key must be a scalar (got {key.Describe()})");
                }
                open.Pop();
                node = new SpecMapping(entries.ToImmutable(), (int)map.Start.Line, (int)map.Start.Column);
                Remember(map, node, anchors);
                return node;
            default:
                throw new YamlException(e.Start, e.End, $"unexpected {e.GetType().Name}");
        }
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
