using System.Collections.Immutable;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Sweep.Trainer.Config;

/// <summary>
/// Reads a run-config YAML into dotted keys with positions: nested maps and dotted keys are the same thing
/// (<c>kt: { pow: 2 }</c> ≡ <c>kt.pow: 2</c>), as in a sweep spec's <c>trial:</c> section. Built from parser events
/// so every duplicate is reported with both positions. A top-level <c>provenance:</c> map is kept as text.
/// </summary>
internal static partial class YamlConfigReader
{
    public const string ProvenanceKey = "provenance";

    public static (List<ConfigEntry> Entries, ImmutableSortedDictionary<string, string> Provenance) Read(
        string file, string text, List<ConfigError> errors)
    {
        var entries = new List<ConfigEntry>();
        var provenance = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return (entries, provenance.ToImmutable());
            parser.Consume<DocumentStart>();
            if (parser.Accept<Scalar>(out var empty) && empty.Value.Length == 0)
                parser.Consume<Scalar>();   // a file of comments only: every key at its default
            else if (parser.Accept<MappingStart>(out _))
                Map(parser, "", file, entries, provenance, errors, new Dictionary<string, ConfigEntry>(StringComparer.Ordinal));
            else
            {
                var e = parser.Consume<ParsingEvent>();
                errors.Add(new(file, (int)e.Start.Line, (int)e.Start.Column, "", "a run config must be a map of keys to values"));
                return (entries, provenance.ToImmutable());
            }
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
                errors.Add(new(file, (int)second.Start.Line, (int)second.Start.Column, "", "a run config must hold a single YAML document"));
        }
        catch (YamlException e)
        {
            errors.Add(new(file, (int)e.Start.Line, (int)e.Start.Column, "", $"YAML syntax error: {PositionPrefix().Replace(e.Message, "")}"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16 throws this, without a position, when the text ends inside a flow collection.
            errors.Add(new(file, null, null, "", "YAML syntax error: the file ends before a collection is closed"));
        }
        return (entries, provenance.ToImmutable());
    }

    private static void Map(IParser parser, string prefix, string file, List<ConfigEntry> entries,
                            ImmutableSortedDictionary<string, string>.Builder provenance, List<ConfigError> errors,
                            Dictionary<string, ConfigEntry> seen)
    {
        parser.Consume<MappingStart>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Consume<ParsingEvent>();
            if (keyEvent is not Scalar keyScalar)
            {
                errors.Add(new(file, (int)keyEvent.Start.Line, (int)keyEvent.Start.Column, "", "a map key must be a scalar"));
                Skip(parser, keyEvent);
                Skip(parser, parser.Consume<ParsingEvent>());
                continue;
            }
            var key = prefix + keyScalar.Value;
            var (kl, kc) = ((int)keyScalar.Start.Line, (int)keyScalar.Start.Column);
            if (prefix.Length == 0 && key == ProvenanceKey)
            {
                Provenance(parser, file, provenance, errors, kl, kc);
                continue;
            }
            if (parser.Accept<MappingStart>(out _))
            {
                Map(parser, key + ".", file, entries, provenance, errors, seen);
                continue;
            }
            var value = parser.Consume<ParsingEvent>();
            var (vl, vc) = ((int)value.Start.Line, (int)value.Start.Column);
            var entry = value switch
            {
                Scalar { Value.Length: 0, Style: ScalarStyle.Plain } => new ConfigEntry(key, null, "no value", kl, kc, vl, vc),
                Scalar s => new ConfigEntry(key, s.Value, "", kl, kc, vl, vc),
                SequenceStart => new ConfigEntry(key, null, "a list", kl, kc, vl, vc),
                _ => new ConfigEntry(key, null, "an alias", kl, kc, vl, vc),
            };
            Skip(parser, value);
            if (!KeyPattern().IsMatch(keyScalar.Value))
                errors.Add(new(file, kl, kc, key, "is not a valid key (letters, digits and '_', dot-separated)"));
            else if (seen.TryGetValue(key, out var first))
                errors.Add(new(file, kl, kc, key, $"is given twice (first at {first.KeyLine}:{first.KeyColumn})"));
            else
            {
                seen[key] = entry;
                entries.Add(entry);
            }
        }
    }

    private static void Provenance(IParser parser, string file, ImmutableSortedDictionary<string, string>.Builder provenance,
                                   List<ConfigError> errors, int line, int column)
    {
        if (!parser.TryConsume<MappingStart>(out _))
        {
            Skip(parser, parser.Consume<ParsingEvent>());
            errors.Add(new(file, line, column, ProvenanceKey, "must be a map (sweepId, trial, metric, value, ...)"));
            return;
        }
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<ParsingEvent>();
            var value = parser.Consume<ParsingEvent>();
            if (key is Scalar k && value is Scalar v) provenance[k.Value] = v.Value;
            else errors.Add(new(file, (int)key.Start.Line, (int)key.Start.Column, ProvenanceKey, "entries must be key: scalar"));
            Skip(parser, key);
            Skip(parser, value);
        }
    }

    /// <summary>Consumes the rest of a collection whose start event was already consumed.</summary>
    private static void Skip(IParser parser, ParsingEvent consumed)
    {
        if (consumed is not (MappingStart or SequenceStart)) return;
        var depth = 1;
        while (depth > 0)
        {
            var e = parser.Consume<ParsingEvent>();
            if (e is MappingStart or SequenceStart) depth++;
            else if (e is MappingEnd or SequenceEnd) depth--;
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$")]
    private static partial Regex KeyPattern();

    // YamlDotNet prefixes messages with "(Line: l, Col: c, Idx: i) - (…): "; the error line already says where.
    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
