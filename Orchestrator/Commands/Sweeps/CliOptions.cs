using System.CommandLine;
using System.CommandLine.Parsing;
using Sweep.Orchestrator.Output;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>Options shared by the sweep verbs.</summary>
internal static class CliOptions
{
    public static Option<string?> Home() => new("--home")
    {
        Description = "Home directory: state (sweep.db), trial folders, silo address. Default: SWEEP_HOME, else ./.sweep",
    };

    public static Option<OutputFormat> Format(OutputFormat fallback = OutputFormat.Table) => new("--format", "-f")
    {
        Description = "Output format on stdout: table, json or yaml.",
        HelpName = "table|json|yaml",
        DefaultValueFactory = _ => fallback,
        CustomParser = r => OneOf<OutputFormat>(r, "--format") ?? fallback,
    };

    /// <summary>The file <see cref="CliOutput"/> writes instead of stdout.</summary>
    public static Option<string?> Output() => new("--output", "-o") { Description = "Write to this file instead of stdout (- : stdout)." };

    /// <summary><c>-q</c>: global, before or after the verb.</summary>
    public static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Only errors on stderr (no progress, notes or logs).", Recursive = true };

    /// <summary><c>-v</c>: global, before or after the verb.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Debug logs on stderr.", Recursive = true };

    /// <summary>
    /// An enum value named in lower case, any case accepted; a bad one is an error naming the allowed values.
    /// <paramref name="allowed"/> limits the values the user may name (default: all).
    /// </summary>
    public static T? OneOf<T>(ArgumentResult result, string option, params T[] allowed) where T : struct, Enum
    {
        var names = (allowed.Length > 0 ? allowed : Enum.GetValues<T>()).ToDictionary(v => v.ToString().ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);
        var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (names.TryGetValue(token.Trim(), out var value)) return value;
        result.AddError($"{option}: '{token}' is not one of {string.Join(", ", names.Keys)}");
        return null;
    }

    /// <summary>Trial states as the verbs name them: <c>--state complete,pruned</c> or <c>--state complete pruned</c>.</summary>
    public static Option<TrialState[]> States(string description) => new("--state")
    {
        Description = description,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = r =>
        {
            var states = new List<TrialState>();
            foreach (var name in r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                var i = Array.FindIndex(ShownStates, s => string.Equals(s.ToString(), name, StringComparison.OrdinalIgnoreCase));
                if (i < 0)
                {
                    r.AddError($"--state: '{name}' is not one of {string.Join(", ", ShownStates.Select(x => x.ToString().ToLowerInvariant()))}");
                    return [];
                }
                states.Add(ShownStates[i]);
            }
            return [.. states];
        },
    };

    /// <summary>The states a stored trial rests or waits in.</summary>
    private static readonly TrialState[] ShownStates = [TrialState.Pending, TrialState.Running, TrialState.Complete, TrialState.Pruned, TrialState.Failed];

    public static Argument<string> SweepId() => new("id") { Description = "The sweep id (see `sweep list`)." };

    public static Option<string?> Gpus() => new("--gpus")
    {
        Description = "GPU indices this node runs trials on, e.g. 0,1 (default: the visible NVIDIA devices; none = CPU slots).",
    };

    public static Option<int?> CpuSlots() => new("--cpu-slots")
    {
        Description = "Trials at once on CPU when there are no GPUs (default: the spec's parallelTrials, or the core count).",
    };

    public static Option<string?> Labels() => new("--labels")
    {
        Description = "Labels of this node, key=value pairs separated by commas (e.g. gpu=a100,rack=3); shown by `sweep nodes`.",
    };

    public static Option<int?> SlotsPerGpu() => new("--slots-per-gpu")
    {
        Description = "Trials at once per GPU. Default: 1, or up to 16 when --gpu-memory-gb lets trials share a GPU by their trial.gpuMemoryGb.",
    };
}
