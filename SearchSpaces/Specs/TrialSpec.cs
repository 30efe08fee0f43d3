using System.Collections.Immutable;

namespace Sweep.SearchSpaces.Specs;

/// <summary>
/// What each trial runs (<see cref="Target"/>: a method name, a shell command, or a function name) and the
/// fixed config passed to it, in file order. A search parameter named <c>method</c> overrides
/// <see cref="Target"/> per trial when <see cref="Kind"/> is <see cref="TrialKind.Method"/>. A command's relative
/// script paths are already absolute (taken from the spec's folder), and so are a method's path settings.
/// </summary>
public sealed record TrialSpec(TrialKind Kind, string Target, ImmutableArray<TrialSetting> Settings)
{
    /// <summary>The <c>trial.stopGrace</c> default.</summary>
    public static readonly TimeSpan DefaultStopGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Keys of <c>trial:</c> the engine reads itself and never passes to the program: <c>stopGrace</c>, <c>timeout</c>,
    /// <c>progressTimeout</c> (and, for a function, its synthetic curve's <c>steps</c> and <c>stepSeconds</c>).
    /// </summary>
    public static readonly ImmutableArray<string> EngineKeys = ["stopGrace", "timeout", "progressTimeout"];

    /// <summary>
    /// How long a stopped trial (pruned, cancelled, paused) has between SIGTERM and SIGKILL to write its checkpoint
    /// (<c>trial.stopGrace</c>). Default: 10 s.
    /// </summary>
    public TimeSpan StopGrace { get; init; } = DefaultStopGrace;

    /// <summary>Wall-clock limit of one attempt (<c>trial.timeout</c>); past it the attempt is stopped and retried or failed. Default: none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// The longest an attempt may go without writing a protocol line (<c>trial.progressTimeout</c>): a hung program is
    /// stopped and retried or failed. Default: none.
    /// </summary>
    public TimeSpan? ProgressTimeout { get; init; }

    public object? this[string key] => Settings.FirstOrDefault(s => s.Key == key)?.Value;
}
