namespace Sweep.SearchSpaces.Tests.Pruners;

/// <summary>
/// Drives a real <see cref="Study"/> through learning curves the way a trainer would: report steps 1..n, tell pruned on
/// Prune unless at the last step (as the benchmark's drive.py does), leave the trial waiting on Pause, tell the last value
/// when the curve ends. One trial at a time; after each, promoted trials resume while the pruner offers any.
/// </summary>
internal sealed class CurveRunner(Study study)
{
    private readonly Dictionary<int, IReadOnlyList<double>> _curves = [];

    public Study Study => study;

    public List<Decision> Log { get; } = [];

    /// <summary>Asks a trial, runs <paramref name="curve"/> until it ends or pauses, then resumes promotions.</summary>
    public TrialRecord Add(IReadOnlyList<double> curve) => Add(_ => curve);

    /// <summary>As <see cref="Add(IReadOnlyList{double})"/>, with a curve that depends on the sampled trial.</summary>
    public TrialRecord Add(Func<TrialRecord, IReadOnlyList<double>> curveOf)
    {
        var trial = study.Ask();
        _curves[trial.Number] = curveOf(trial);
        Continue(trial);
        ResumePromotions();
        return trial;
    }

    public CurveRunner AddAll(IEnumerable<IReadOnlyList<double>> curves)
    {
        foreach (var c in curves) Add(c);
        return this;
    }

    /// <summary>Ends the study: trials still waiting are told pruned.</summary>
    public CurveRunner Finish()
    {
        foreach (var t in study.Trials.Where(t => t.State == TrialState.Waiting).ToList()) study.TellPruned(t.Number);
        return this;
    }

    public IEnumerable<Decision> DecisionsOf(int trial) => Log.Where(d => d.Trial == trial);

    public void ResumePromotions()
    {
        // Bounded: every resume reports at least one more step of a finite curve.
        for (var promoted = study.Promotions(); promoted.Count > 0; promoted = study.Promotions())
        {
            study.Resume(promoted[0]);
            Continue(study.Get(promoted[0]));
        }
    }

    /// <summary>Runs a Running trial from its next step.</summary>
    public void Continue(TrialRecord trial)
    {
        var curve = _curves[trial.Number];
        for (var step = (trial.LastStep ?? 0) + 1; step <= curve.Count; step++)
        {
            var d = study.Report(trial.Number, step, curve[step - 1]);
            Log.Add(new Decision(trial.Number, step, d));
            if (d == PruneDecision.Pause) return;
            if (d == PruneDecision.Prune && step < curve.Count)
            {
                study.TellPruned(trial.Number);
                return;
            }
        }
        study.Tell(trial.Number, curve[^1]);
    }

    /// <summary>Registers a curve for a trial asked by the test itself.</summary>
    public void Track(TrialRecord trial, IReadOnlyList<double> curve) => _curves[trial.Number] = curve;
}
