using System.Collections;
using System.Globalization;
using Sweep.SearchSpaces.Specs.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Sweep.SearchSpaces.Specs.Writing;

/// <summary>
/// Writes a <see cref="SpecDocument"/> tree as YAML: block maps at the top, flow maps for each section's leaves
/// (as specs are written by hand). Strings that would read back as another type are quoted.
/// </summary>
public static class SpecYamlWriter
{
    public static string Write(object? tree)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Value(emitter, tree, depth: 0);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Value(IEmitter e, object? v, int depth)
    {
        switch (v)
        {
            case null: Plain(e, "null"); break;
            case string s:
                var plain = new SpecScalar(s, Plain: true, 0, 0).Value is string && s.Length > 0;
                e.Emit(new Scalar(AnchorName.Empty, TagName.Empty, s, plain ? ScalarStyle.Any : ScalarStyle.DoubleQuoted, plain, !plain));
                break;
            case bool b: Plain(e, b ? "true" : "false"); break;
            case int or long: Plain(e, Convert.ToString(v, CultureInfo.InvariantCulture)!); break;
            case double d: Plain(e, FloatText(d)); break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                // Short sections and everything inside a section go on one line, as specs are written by hand.
                var flow = depth >= 2 || (depth == 1 && map.Count() <= 6 && !map.Any(kv => kv.Value is IEnumerable<KeyValuePair<string, object?>>));
                e.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, flow ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (k, x) in map)
                {
                    Value(e, k, depth + 1);
                    Value(e, x, depth + 1);
                }
                e.Emit(new MappingEnd());
                break;
            case IEnumerable list:
                e.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow));
                foreach (var x in list) Value(e, x, depth + 1);
                e.Emit(new SequenceEnd());
                break;
            default: throw new ArgumentException($"cannot write a {v.GetType().Name} as YAML", nameof(v));
        }
    }

    // 1.0 must stay a float when read back, not become the integer 1.
    private static string FloatText(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    private static void Plain(IEmitter e, string text) =>
        e.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, true, false));
}
