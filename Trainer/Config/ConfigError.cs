namespace Sweep.Trainer.Config;

/// <summary>
/// One problem in a run config. <see cref="Source"/> is the file, <c>--set</c>, <c>SWEEP_PARAMS</c> or
/// <c>config</c> (a rule between keys); file errors carry the 1-based line and column:
/// <c>run.yaml:3:16: tmkt.mixRatio: expected a number between 0 and 1 (got 'abc')</c>.
/// </summary>
public sealed record ConfigError(string Source, int? Line, int? Column, string Key, string Message)
{
    public override string ToString()
    {
        var at = Line is { } l ? $"{Source}:{l}:{Column ?? 1}" : Source;
        return Key.Length == 0 ? $"{at}: {Message}" : $"{at}: {Key}: {Message}";
    }
}
