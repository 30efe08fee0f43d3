using System.Globalization;
using System.Text;
using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Specs;

namespace Sweep.Orchestrator.Commands;

/// <summary>The few lines <c>sweep validate</c> prints for a valid spec: what will run and how much of it.</summary>
public static class SpecSummary
{
    public static string Table(SweepSpec spec)
    {
        var conditional = spec.Space.Parameters.Count(p => p.IsConditional);
        var b = spec.Budget;
        var budget = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{b.MaxTrials} trials, {b.ParallelTrials} in parallel");
        if (b.MaxFailedTrials is { } f) budget.Append(CultureInfo.InvariantCulture, $", stop after {f} failed");
        if (b.Timeout is { } t) budget.Append(CultureInfo.InvariantCulture, $", timeout {DurationFormat.Format(t)}");
        if (b.MaxRetries > 0) budget.Append(CultureInfo.InvariantCulture, $", {b.MaxRetries} retr{(b.MaxRetries == 1 ? "y" : "ies")}");
        if (b.Enqueue.Length > 0) budget.Append(CultureInfo.InvariantCulture, $", {b.Enqueue.Length} enqueued first");
        if (b.Reevaluate is { } r)
            budget.Append(CultureInfo.InvariantCulture, $", then the top {r.Top} re-run on {r.Seeds} fresh seeds (up to {r.Trials} more trials)");
        var rows = new (string, string)[]
        {
            ("name", spec.Name),
            ("metric", $"{spec.Metric.Name} ({spec.Metric.Goal.ToString().ToLowerInvariant()})"),
            ("parameters", $"{spec.Space.Count}" + (conditional > 0 ? $" ({conditional} conditional)" : "") + ": "
                           + string.Join(", ", spec.Space.Parameters.Select(p => p.Name))),
            ("sampler", spec.Sampler.Kind.ToString().ToLowerInvariant() + (spec.Sampler.Seed is { } s ? $" (seed {s})" : "")),
            ("pruner", $"{spec.Pruner.Kind.ToString().ToLowerInvariant()} ({PruningSchedule.Describe(spec.Pruner, spec.MaxResource())})"),
            ("budget", budget.ToString()),
            ("trial", $"{spec.Trial.Kind.ToString().ToLowerInvariant()} {spec.Trial.Target}" +
                      (spec.Trial.Settings.IsEmpty ? "" : $" ({spec.Trial.Settings.Length} fixed settings)")),
            ("stop grace", DurationFormat.Format(spec.Trial.StopGrace) + " from SIGTERM to SIGKILL"),
        };
        var width = rows.Max(r => r.Item1.Length) + 2;
        var sb = new StringBuilder();
        foreach (var (key, value) in rows) sb.Append(key.PadRight(width)).Append(value).Append('\n');
        return sb.ToString();
    }
}
