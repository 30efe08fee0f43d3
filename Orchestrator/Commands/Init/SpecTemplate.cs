using System.Globalization;
using System.Text;

namespace Sweep.Orchestrator.Commands.Init;

/// <summary>
/// The commented spec <c>sweep init</c> writes: a method's search space on a dataset's paper setting, ASHA on
/// epochs, and the papers' defaults enqueued as trial 0 so the sweep starts from the published configuration.
/// </summary>
internal static class SpecTemplate
{
    public static string Write(MethodTemplate method, DatasetPreset dataset)
    {
        var knobs = new[] { dataset.Lr, dataset.TimeSteps }.Concat(method.Knobs).ToList();
        var width = knobs.Max(k => k.Key.Length + k.Range.Length) + 6;
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"# {method.Method.ToUpperInvariant()} on {dataset.Kind} ({dataset.Setting}).\n");
        s.Append(CultureInfo.InvariantCulture, $"# {char.ToUpperInvariant(method.Summary[0])}{method.Summary[1..]}.\n");
        s.Append("# Written by `sweep init`; ranges follow docs/methods.md. Check it with `sweep validate`, run it with `sweep start`.\n");
        s.Append("apiVersion: sweep/v1\n");
        s.Append(CultureInfo.InvariantCulture, $"name: {dataset.Kind}-{method.Method}\n");
        s.Append("metric: { name: val_top1, goal: maximize }\n");
        s.Append("sampler: { type: tpe, seed: 42, startupTrials: 10, multivariate: true }\n");
        s.Append(CultureInfo.InvariantCulture,
            $"pruner: {{ type: asha, resource: epoch, minResource: {dataset.MinResource}, reductionFactor: 3, maxResource: {dataset.Epochs} }}   # judged per epoch\n");
        s.Append("budget:\n");
        s.Append(CultureInfo.InvariantCulture, $"  maxTrials: {dataset.MaxTrials}\n");
        s.Append(CultureInfo.InvariantCulture, $"  parallelTrials: {dataset.ParallelTrials}\n");
        s.Append(CultureInfo.InvariantCulture, $"  maxFailedTrials: {Math.Max(2, dataset.MaxTrials / 8)}\n");
        s.Append("  maxRetries: 1\n");
        // Short SNN runs vary a lot from seed to seed: the winner is the best mean of fresh seeds, not the luckiest run.
        s.Append("  reevaluate: { top: 3, seeds: 2 }   # then the 3 best configs run again on 2 fresh seeds each; ranked by their mean\n");
        s.Append("  enqueue:   # run first, as trial 0: the papers' defaults (a map may fix only some parameters; add more maps)\n");
        s.Append("    - { ").Append(string.Join(", ", knobs.Select(k => $"{k.Key}: {k.Default}"))).Append(" }\n");
        s.Append("parameters:\n");
        foreach (var k in knobs)
            s.Append("  ").Append($"{k.Key}: {k.Range}".PadRight(width)).Append("# ").Append(k.Comment).Append('\n');
        s.Append("trial:\n");
        s.Append(CultureInfo.InvariantCulture, $"  method: {method.Method}\n");
        if (dataset.PaperThreshold) s.Append("  threshold: 0.5                 # braincog V_th (the default 0.3 is for small budgets)\n");
        foreach (var setting in method.Settings) s.Append("  ").Append(setting).Append('\n');
        s.Append(CultureInfo.InvariantCulture, $"  model: {dataset.Model}\n");
        s.Append(CultureInfo.InvariantCulture, $"  dataset: {dataset.Dataset}\n");
        s.Append(CultureInfo.InvariantCulture, $"  epochs: {dataset.Epochs}\n");
        s.Append(CultureInfo.InvariantCulture, $"  batchSize: {dataset.BatchSize}\n");
        return s.ToString();
    }
}
