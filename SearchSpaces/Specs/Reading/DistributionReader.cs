using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Specs.Nodes;

namespace Sweep.SearchSpaces.Specs.Reading;

/// <summary>
/// Reads the domain of one parameter. Checks Optuna's invariants itself so that each broken rule is reported at
/// the key it concerns, all at once, instead of the first one the distribution's constructor throws.
/// </summary>
internal static class DistributionReader
{
    public static readonly IReadOnlyList<string> Types = ["float", "int", "categorical"];

    public static Distribution? Float(MappingReader m)
    {
        var d = m.Diagnostics;
        var lowNode = m.Required("low");
        var highNode = m.Required("high");
        var low = lowNode is null ? null : Values.Number(lowNode, m.Child("low"), d);
        var high = highNode is null ? null : Values.Number(highNode, m.Child("high"), d);
        var log = m.Bool("log") ?? false;
        var stepNode = m.Get("step");
        var step = stepNode is null ? null : Values.Number(stepNode, m.Child("step"), d);
        var ok = low is not null && high is not null && (stepNode is null || step is not null);
        if (step is { } s && s <= 0) ok = Fail(m, stepNode!, "step", $"must be > 0 (got {Values.Format(s)})");
        if (log && stepNode is not null) ok = Fail(m, stepNode, "step", "cannot be combined with log: true");
        if (log && low is { } l && l <= 0) ok = Fail(m, lowNode!, "low", $"must be > 0 when log: true (got {Values.Format(l)})");
        if (low is { } lo && high is { } hi && lo > hi)
            ok = Fail(m, lowNode!, "low", $"must be <= high (got low={Values.Format(lo)}, high={Values.Format(hi)})");
        else if (low is { } a && high is { } b && !log && !double.IsFinite(b - a))
            ok = Fail(m, highNode!, "high", $"- low is not a finite number (got low={Values.Format(a)}, high={Values.Format(b)}); narrow the range");
        if (!ok) return null;
        var distribution = new FloatDistribution(low!.Value, high!.Value, log, step);
        if (distribution.High != high)
            d.Warn(highNode!, m.Child("high"), $"{Values.Format(high.Value)} is not on the grid {Values.Format(low.Value)} + k·{Values.Format(step!.Value)}; " +
                                               $"it becomes {Values.Format(distribution.High)}, as in Optuna");
        return distribution;
    }

    public static Distribution? Int(MappingReader m)
    {
        var d = m.Diagnostics;
        var lowNode = m.Required("low");
        var highNode = m.Required("high");
        var low = lowNode is null ? null : Values.Long(lowNode, m.Child("low"), d);
        var high = highNode is null ? null : Values.Long(highNode, m.Child("high"), d);
        var log = m.Bool("log") ?? false;
        var stepNode = m.Get("step");
        var step = stepNode is null ? 1 : Values.Long(stepNode, m.Child("step"), d);
        var ok = low is not null && high is not null && step is not null;
        if (step is { } s && s <= 0) ok = Fail(m, stepNode!, "step", $"must be > 0 (got {s})");
        if (log && step is { } q and not 1) ok = Fail(m, stepNode!, "step", $"must be 1 when log: true (got {q})");
        if (log && low is { } l && l < 1) ok = Fail(m, lowNode!, "low", $"must be >= 1 when log: true (got {l})");
        if (low is { } lo && high is { } hi && lo > hi) ok = Fail(m, lowNode!, "low", $"must be <= high (got low={lo}, high={hi})");
        else if (low is { } a && high is { } b && (decimal)b - a > long.MaxValue)
            ok = Fail(m, highNode!, "high", $"- low does not fit a 64-bit integer (got low={a}, high={b}); narrow the range");
        if (!ok) return null;
        var distribution = new IntDistribution(low!.Value, high!.Value, log, step!.Value);
        if (distribution.High != high)
            d.Warn(highNode!, m.Child("high"), $"{high} is not on the grid {low} + k·{step}; it becomes {distribution.High}, as in Optuna");
        return distribution;
    }

    public static Distribution? Categorical(MappingReader m)
    {
        var d = m.Diagnostics;
        var node = m.Required("choices");
        if (node is null) return null;
        var path = m.Child("choices");
        if (node is not SpecSequence seq)
        {
            d.Add(node, path, $"must be a list (got {node.Describe()})");
            return null;
        }
        if (seq.Items.IsEmpty)
        {
            d.Add(node, path, "must not be empty");
            return null;
        }
        var choices = new List<object?>();
        var ok = true;
        for (var i = 0; i < seq.Items.Length; i++)
        {
            if (seq.Items[i] is not SpecScalar item)
            {
                ok = Fail(m, seq.Items[i], $"choices[{i}]", $"must be a string, number, bool or null (got {seq.Items[i].Describe()})");
                continue;
            }
            var v = item.Value;
            if (choices.Any(c => CategoricalDistribution.ChoiceEquals(c, v)))
                ok = Fail(m, item, $"choices[{i}]", $"repeats {item.Describe()} (choices must be unique)");
            else
                choices.Add(v);
        }
        return ok ? new CategoricalDistribution(choices) : null;
    }

    /// <summary>An external value as an error message shows it.</summary>
    public static string Show(object? v) => v switch
    {
        null => "null",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        double x => Values.Format(x),
        _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static bool Fail(MappingReader m, SpecNode at, string key, string message)
    {
        m.Diagnostics.Add(at, m.Child(key), message);
        return false;
    }
}
