using System.Globalization;

namespace Sweep.Orchestrator.Tests;

/// <summary>
/// The small sweep specs the tests start, built from the parts a test cares about (name, budget, sampler, pruner,
/// trial), so that the YAML around them is written once.
/// </summary>
internal static class TestSpecs
{
    /// <summary>Branin's two parameters over its usual domain.</summary>
    private const string BraninSpace = """
        x1: { type: float, low: -5, high: 10 }
        x2: { type: float, low: 0, high: 15 }
        """;

    /// <summary>The mixed function's five parameters: a float, a log float, an int, a log int and a categorical.</summary>
    public const string MixedSpace = """
        x: { type: float, low: -5, high: 5 }
        lr: { type: float, low: 1.0e-5, high: 1.0, log: true }
        n_layers: { type: int, low: 1, high: 8 }
        units: { type: int, low: 8, high: 1024, log: true }
        optimizer: { type: categorical, choices: [sgd, adam, rmsprop, adagrad] }
        """;

    /// <summary>The in-process Branin function over x1 and x2.</summary>
    public static string BraninFunction(string name, int maxTrials, int? parallelTrials = 2, string? sampler = null, string? pruner = null,
                                        int? steps = null, double? stepSeconds = null) =>
        Compose(name, BraninSpace, FunctionTrial("branin", steps, stepSeconds), maxTrials, parallelTrials, sampler, pruner);

    /// <summary>Branin over x1 and x2 as a child process (examples/objectives/branin.sh, see <c>SweepCli.BraninScript</c>).</summary>
    public static string BraninCommand(string name, string command, int maxTrials, int parallelTrials, string sampler) =>
        Compose(name, BraninSpace, [$"command: \"{command}\""], maxTrials, parallelTrials, sampler, pruner: null);

    /// <summary>The in-process mixed function over <paramref name="parameters"/> (by default <see cref="MixedSpace"/>).</summary>
    public static string MixedFunction(string name, int maxTrials, int parallelTrials, string sampler, int steps, string? pruner = null,
                                       double? stepSeconds = null, string parameters = MixedSpace) =>
        Compose(name, parameters, FunctionTrial("mixed", steps, stepSeconds), maxTrials, parallelTrials, sampler, pruner);

    /// <summary>A command trial over one float <c>x</c> in [0, 1].</summary>
    public static string UnitCommand(string name, string command, int maxTrials, int? parallelTrials = null, string? sampler = null,
                                     int? maxRetries = null, string metric = "value") =>
        Compose(name, "x: { type: float, low: 0, high: 1 }", [$"command: \"{command}\""], maxTrials, parallelTrials, sampler, pruner: null,
                maxRetries, metric);

    /// <summary>
    /// <c>sweep train</c> trials (dvs, scnn) on a tiny synthetic set, maximizing val_top1, with the learning rate from
    /// <paramref name="lowLr"/> to 0.1 as the one parameter; <paramref name="moreTrial"/> adds trial keys.
    /// </summary>
    public static string DvsTrain(string name, string lowLr, int maxTrials, int parallelTrials, int epochs, string? pruner = null,
                                  params string[] moreTrial) =>
        Compose(name, $"lr: {{ type: float, low: {lowLr}, high: 1.0e-1, log: true }}",
                ["method: dvs", "model: scnn", "dataset: { kind: synthetic, classes: 2, samplesPerClass: 8, frameSize: 16 }",
                 "timeSteps: 2", "batchSize: 4", Invariant($"epochs: {epochs}"), .. moreTrial],
                maxTrials, parallelTrials, Random(3), pruner, metric: "val_top1", goal: "maximize");

    public static string Random(int seed) => Invariant($"{{ type: random, seed: {seed} }}");

    public static string Tpe(int seed) => Invariant($"{{ type: tpe, seed: {seed} }}");

    public static string Median(int startupTrials, int? warmupSteps = null) =>
        Invariant($"{{ type: median, startupTrials: {startupTrials}{(warmupSteps is { } w ? Invariant($", warmupSteps: {w}") : "")} }}");

    private static string[] FunctionTrial(string function, int? steps, double? stepSeconds) =>
    [
        $"function: {function}",
        .. steps is { } s ? [Invariant($"steps: {s}")] : Array.Empty<string>(),
        .. stepSeconds is { } t ? [Invariant($"stepSeconds: {t}")] : Array.Empty<string>(),
    ];

    private static string Compose(string name, string parameters, IEnumerable<string> trial, int maxTrials, int? parallelTrials, string? sampler,
                                  string? pruner, int? maxRetries = null, string metric = "value", string goal = "minimize")
    {
        var budget = Invariant($"maxTrials: {maxTrials}")
                     + (parallelTrials is { } p ? Invariant($", parallelTrials: {p}") : "")
                     + (maxRetries is { } r ? Invariant($", maxRetries: {r}") : "");
        List<string> lines =
        [
            "apiVersion: sweep/v1",
            $"name: {name}",
            $"metric: {{ name: {metric}, goal: {goal} }}",
            .. sampler is null ? Array.Empty<string>() : [$"sampler: {sampler}"],
            .. pruner is null ? Array.Empty<string>() : [$"pruner: {pruner}"],
            $"budget: {{ {budget} }}",
            "parameters:",
            .. parameters.Split('\n').Select(l => "  " + l.TrimEnd('\r')),
            "trial:",
            .. trial.Select(l => "  " + l),
        ];
        return string.Join('\n', lines) + "\n";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
