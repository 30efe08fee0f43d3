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
    /// The name each trial's seed goes by (<c>--set seed=N</c>, <c>${seed}</c>, SWEEP_PARAMS): the engine chooses it
    /// unless the spec fixes or searches a key of that name.
    /// </summary>
    public const string SeedName = "seed";

    /// <summary>
    /// Keys of <c>trial:</c> the engine reads itself and never passes to the program: <c>stopGrace</c>, <c>timeout</c>,
    /// <c>progressTimeout</c>, the placement keys <c>gpuMemoryGb</c> and <c>labels</c> (and, for a function, its
    /// synthetic curve's <c>steps</c> and <c>stepSeconds</c>).
    /// </summary>
    public static readonly ImmutableArray<string> EngineKeys = ["stopGrace", "timeout", "progressTimeout", "gpuMemoryGb", "labels"];

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

    /// <summary>
    /// GPU memory one trial needs (<c>trial.gpuMemoryGb</c>): on a node started with <c>--gpu-memory-gb</c>, trials
    /// share a GPU while their declared memory fits. Default: none (one trial per slot).
    /// </summary>
    public double? GpuMemoryGb { get; init; }

    /// <summary>Node labels a trial needs (<c>trial.labels</c>): it runs only on nodes whose <c>--labels</c> include them all.</summary>
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public object? this[string key] => Settings.FirstOrDefault(s => s.Key == key)?.Value;
}
