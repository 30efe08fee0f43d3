using System.CommandLine;
using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Output;
using Sweep.Orchestrator.Reports;
using Sweep.Orchestrator.Store;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// <c>sweep report ID -o DIR</c>: the sweep's figures as PNG and SVG and one offline <c>report.html</c> in DIR. Stdout
/// lists the files written (data); stderr says where they went and what could not be drawn yet.
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var id = CliOptions.SweepId();
        var home = CliOptions.Home();
        var cluster = new ClusterFlags();
        var output = new Option<string>("--output", "-o")
        {
            Description = "The folder to write the report into (made if missing; files of the same names are overwritten).",
            Required = true,
        };
        var compare = new Option<string[]>("--compare")
        {
            Description = "Other sweeps (same metric, goal and resource) to draw in compute.png too: best so far against epochs or steps "
                          + "trained, e.g. a pruned search against an unpruned one. Repeat it for more.",
        };
        var command = new Command("report", "Write a sweep's plots (PNG, SVG) and an offline report.html into a folder.") { id, home, output, compare };
        cluster.AddTo(command);
        command.SetAction(pr => CliAction.RunAsync("report", pr.InvocationConfiguration.Error, () =>
        {
            var folder = pr.GetValue(output)!;
            if (folder is "-" or "") throw new UsageException($"-o '{folder}': a report is a folder of files, not a stream; name a folder (e.g. -o report)");
            if (File.Exists(folder)) throw new UsageException($"-o {folder}: is a file; name a folder");
            using var store = SweepTarget.Existing(pr.GetValue(home), cluster.Read(pr)).OpenStore();
            var sweep = store.Sweep(pr.GetValue(id)!);
            var trials = store.Trials(sweep.Id);
            var plan = SweepPlan.Parse(sweep.SpecText, sweep.SpecFile);
            var best = sweep.BestTrial is { } number && trials.FirstOrDefault(t => t.Number == number) is { } trial
                ? YamlEmitter.Emit(BestCommand.Config(plan, trial, epochs: null))
                : null;
            var compared = (pr.GetValue(compare) ?? []).Select(other => Compared(store, sweep, plan, other)).ToList();
            var error = pr.InvocationConfiguration.Error;
            var existing = Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any();
            var written = SweepReport.Write(sweep, plan, trials, best, folder, compared);
            foreach (var path in written.Paths) pr.InvocationConfiguration.Output.WriteLine(path);
            foreach (var note in written.Notes) error.WriteLine($"sweep report: {note}");
            error.WriteLine($"report of {sweep.Id} ({trials.Count} trials): {written.Paths.Count} files written to {folder}"
                            + (existing ? " (it held files already; those of the same names were replaced)" : ""));
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    /// <summary>Another sweep's trajectory, refused in one line when it measures something else or in another unit.</summary>
    private static ComputeTrajectory Compared(SweepStore store, SweepInfo sweep, SweepPlan plan, string otherId)
    {
        var other = store.Sweep(otherId);
        var otherPlan = SweepPlan.Parse(other.SpecText, other.SpecFile);
        if (other.MetricName != sweep.MetricName || other.Goal != sweep.Goal)
            throw new UsageException($"--compare {otherId}: it {Goal(other)} {other.MetricName}, {sweep.Id} {Goal(sweep)} {sweep.MetricName}; compare sweeps of one metric and goal");
        var trajectory = ComputeTrajectory.Of(other, otherPlan, store.Trials(other.Id));
        var unit = ComputeTrajectory.UnitOf(plan);
        if (trajectory.Unit != unit)
            throw new UsageException($"--compare {otherId}: it counts {trajectory.Unit}s, {sweep.Id} {unit}s; compare sweeps of one resource");
        return trajectory;
    }

    private static string Goal(SweepInfo s) => s.Goal == Contracts.StudyDirection.Maximize ? "maximises" : "minimises";
}
