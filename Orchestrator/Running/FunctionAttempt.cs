using System.Collections.Immutable;
using System.Text.Json;
using Sweep.Contracts.TrialProtocol;
using Sweep.Grains.Model;
using Sweep.Orchestrator.Functions;
using Sweep.SearchSpaces.Specs;

namespace Sweep.Orchestrator.Running;

/// <summary>
/// Runs a <c>trial.function</c> in process: the benchmark function's value, reached through a synthetic learning
/// curve of <c>trial.steps</c> reports (optionally <c>trial.stepSeconds</c> apart), each sent to the pruner.
/// </summary>
internal static class FunctionAttempt
{
    public static async Task<TrialOutcome> RunAsync(TrialAssignment a, TrialProgressFile progress, Func<int, double, Task<ReportDecision>> report,
                                                    CancellationToken kill)
    {
        BenchmarkFunction function;
        double final;
        try
        {
            function = BenchmarkFunction.Get(a.Target);
            var values = a.Values.ToDictionary(v => v.Name, v => Parse(v.Json));
            // A function that models seed noise reads the trial's seed like a parameter.
            values[TrialSpec.SeedName] = (long)(a.Seed ?? 0);
            final = function.Evaluate(values);
        }
        catch (ArgumentException e)
        {
            return new TrialOutcome { State = TrialState.Failed, Error = e.Message };
        }
        var hash = SyntheticCurve.Hash(a.Values.Select(v => KeyValuePair.Create(v.Name, v.Json)));
        for (var step = 1; step <= a.Steps; step++)
        {
            if (a.StepSeconds > 0) await Task.Delay(TimeSpan.FromSeconds(a.StepSeconds), kill);
            var value = SyntheticCurve.Value(final, function.Optimum, hash, step, a.Steps);
            // The line a trial process would have written, its counter under the name pruner.resource reads.
            progress.Append(new ProgressRecord(a.Resource == ResourceUnit.Step ? step : null, a.Resource == ResourceUnit.Epoch ? step : null,
                                               new Dictionary<string, double?>(StringComparer.Ordinal) { [a.MetricName] = value }));
            var decision = await report(step, value);
            if (decision == ReportDecision.Prune) return new TrialOutcome { State = TrialState.Pruned };
            if (decision == ReportDecision.Kill || kill.IsCancellationRequested) return TrialOutcome.Cancelled;
        }
        return new TrialOutcome
        {
            State = TrialState.Complete, Value = final,
            Metrics = ImmutableSortedDictionary<string, double>.Empty.Add(a.MetricName, final),
        };
    }

    private static object? Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var e = doc.RootElement;
        return e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number when e.TryGetInt64(out var l) && !json.Contains('.', StringComparison.Ordinal) && !json.Contains('E', StringComparison.OrdinalIgnoreCase) => l,
            JsonValueKind.Number => e.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => e.GetRawText(),
        };
    }
}
