using System.Collections.Immutable;
using System.Globalization;

namespace Sweep.Contracts.Config;

/// <summary>
/// One key a run config accepts: its type, default, allowed range or choices, and whether it may change when a
/// run is resumed (<see cref="Resumable"/> keys are left out of the config hash).
/// </summary>
public sealed record ConfigKey(string Name, ConfigValueKind Kind, object Default, string Description)
{
    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Min is exclusive (learning rates, temperatures: &gt; 0).</summary>
    public bool MinExclusive { get; init; }

    public ImmutableArray<string> Choices { get; init; } = [];

    /// <summary>Other spellings accepted for this key (e.g. the KT code's <c>dataset.trainPortion</c>).</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>Words a path key takes as they are instead of as a path (<c>ckd.teacher: auto</c>).</summary>
    public ImmutableArray<string> Keywords { get; init; } = [];

    /// <summary>Where and how the run executes rather than what it computes: may differ on <c>--resume</c>.</summary>
    public bool Resumable { get; init; }

    /// <summary>What the key accepts, as error messages and <c>--list-keys</c> say it: "a number between 0 and 1".</summary>
    public string Expectation => Kind switch
    {
        ConfigValueKind.Int => "an integer" + Range(),
        ConfigValueKind.Number => "a number" + Range(),
        ConfigValueKind.Bool => "true, false, on or off",
        ConfigValueKind.Choice => "one of " + string.Join(", ", Choices),
        ConfigValueKind.Path => Keywords.IsEmpty ? "a path" : $"a path or {string.Join(", ", Keywords)}",
        _ => "a string",
    };

    private string Range()
    {
        var low = Min is { } min ? F(min) : null;
        var high = Max is { } max ? F(max) : null;
        return (low, high) switch
        {
            (null, null) => "",
            ({ } l, null) => MinExclusive ? $" > {l}" : $" >= {l}",
            (null, { } h) => $" <= {h}",
            ({ } l, { } h) => MinExclusive ? $" > {l} and <= {h}" : $" between {l} and {h}",
        };
    }

    internal static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
