using System.Collections.Immutable;
using Sweep.Grains.Model;
using Sweep.SearchSpaces;

namespace Sweep.Grains.Sweeps;

/// <summary>
/// The bookkeeping of one sweep, without Orleans: the study, every trial's record, the pending queue and the leases
/// of running attempts. Each change returns the trial records to persist; <see cref="Info"/> is the sweep record.
/// Not thread-safe: its grain calls it one turn at a time.
/// </summary>
public sealed partial class SweepBook
{
    private readonly List<TrialInfo> _trials = [];
    private readonly LinkedList<int> _pending = new();
    private readonly Dictionary<int, Lease> _leases = [];
    private readonly HashSet<string> _liveRunners = new(StringComparer.Ordinal);
    private readonly Func<DateTime> _clock;
    private DateTime? _runningSince;

    public SweepBook(SweepPlan plan, SweepInfo info, IEnumerable<TrialInfo> trials, Func<DateTime> clock)
    {
        Plan = plan;
        Study = plan.NewStudy();
        _clock = clock;
        foreach (var t in trials.OrderBy(t => t.Number))
        {
            if (t.Number != _trials.Count) throw new InvalidOperationException($"sweep {info.Id}: trial {_trials.Count} is missing from storage");
            Study.Import(t.Params, t.Intermediate, StudyState(t.Status), t.Value, t.Error);
            _trials.Add(t);
            if (t.Status == TrialStatus.Pending) _pending.AddLast(t.Number);
            if (t.Status == TrialStatus.Running) _leases[t.Number] = new Lease(t.Runner ?? "", clock());
        }
        Info = Recount(info);
        if (!Info.IsResting) _runningSince = clock();
    }

    public SweepPlan Plan { get; }
    public Study Study { get; }
    public SweepInfo Info { get; private set; }
    public IReadOnlyList<TrialInfo> Trials => _trials;

    public static SweepInfo NewInfo(string id, SweepPlan plan, string specFile, DateTime now) => new()
    {
        Id = id,
        Name = plan.Spec.Name,
        SpecText = plan.SpecText,
        SpecFile = specFile,
        Status = SweepStatus.Running,
        CreatedUtc = now,
        MaxTrials = plan.Spec.Budget.MaxTrials,
        MetricName = plan.MetricName,
        Goal = plan.Goal,
    };

    /// <summary>Starts an attempt for <paramref name="slot"/> when the sweep runs and has room; else null.</summary>
    public (TrialAssignment Assignment, TrialInfo Trial)? Next(RunnerSlot slot)
    {
        if (Info.Status != SweepStatus.Running || Info.Running >= Plan.Spec.Budget.ParallelTrials) return null;
        TrialInfo trial;
        if (_pending.First is { } first)
        {
            _pending.RemoveFirst();
            trial = _trials[first.Value];
        }
        else if (_trials.Count < Info.MaxTrials)
        {
            var record = Study.Ask();
            trial = new TrialInfo
            {
                SweepId = Info.Id,
                Number = record.Number,
                Params = record.Params.ToImmutableSortedDictionary(StringComparer.Ordinal),
                Values = Plan.Values(record.Params),
                CreatedUtc = _clock(),
            };
            _trials.Add(trial);
        }
        else return null;
        var now = _clock();
        trial = Put(trial with
        {
            Status = TrialStatus.Running, Attempt = trial.Attempt + 1, Node = slot.Node, Device = slot.Device, Runner = slot.Runner,
            StartedUtc = now, FinishedUtc = null, ExitCode = null,
        });
        _leases[trial.Number] = new Lease(slot.Runner, now);
        _liveRunners.Add(slot.Runner);
        Info = Recount(Info);
        return (Plan.Assign(trial), trial);
    }

    /// <summary>Records an intermediate value; the trial record to persist comes back with the decision.</summary>
    public (ReportDecision Decision, TrialInfo? Changed) Report(int number, int attempt, int step, double value)
    {
        if (!IsCurrent(number, attempt, out var trial)) return (ReportDecision.Kill, null);
        _leases[number] = _leases[number] with { LastBeat = _clock() };
        if (Info.Status is SweepStatus.Paused or SweepStatus.Cancelled) return (ReportDecision.Kill, null);
        // A restarted attempt repeats steps it already reported: only new steps count.
        if (!double.IsFinite(value) || trial.Intermediate.Count > 0 && step <= trial.Intermediate.Keys.Last())
            return (ReportDecision.Continue, null);
        var decision = Study.Report(number, step, value);
        trial = trial with { Intermediate = trial.Intermediate.SetItem(step, value) };
        if (decision == PruneDecision.Prune)
        {
            Study.TellPruned(number);
            return (ReportDecision.Prune, Terminal(trial, TrialStatus.Pruned, null, null));
        }
        return (ReportDecision.Continue, Put(trial));
    }

    private static TrialState StudyState(TrialStatus s) => s switch
    {
        TrialStatus.Complete => TrialState.Complete,
        TrialStatus.Pruned => TrialState.Pruned,
        TrialStatus.Failed => TrialState.Fail,
        _ => TrialState.Running,
    };

    private bool IsCurrent(int number, int attempt, out TrialInfo trial)
    {
        trial = number >= 0 && number < _trials.Count ? _trials[number] : null!;
        return trial is not null && trial.Status == TrialStatus.Running && trial.Attempt == attempt;
    }

    private TrialInfo Put(TrialInfo trial) => _trials[trial.Number] = trial;

    private sealed record Lease(string Runner, DateTime LastBeat);
}
