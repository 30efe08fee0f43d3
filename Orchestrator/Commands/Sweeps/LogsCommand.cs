using System.CommandLine;
using System.Text;
using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// <c>sweep logs ID N [--follow] [--stdout|--stderr]</c>: a trial's <c>stdout.log</c> and <c>stderr.log</c> from its
/// folder under the home; <c>--follow</c> prints what they gain until the trial finishes. A trial's folder is on the
/// node that ran it: elsewhere the error names that node.
/// </summary>
public static class LogsCommand
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>How many polls apart <c>--follow</c> asks whether a process still serves the sweep (2 s).</summary>
    private const int FollowCheckEvery = 8;

    public static Command Create()
    {
        var id = CliOptions.SweepId();
        var number = new Argument<int>("trial") { Description = "The trial number (see `sweep trials ID`)." };
        var home = CliOptions.Home();
        var follow = new Option<bool>("--follow", "-F") { Description = "Keep printing what the logs gain until the trial finishes." };
        var stdout = new Option<bool>("--stdout") { Description = "Only stdout.log (the program's output that is not protocol)." };
        var stderr = new Option<bool>("--stderr") { Description = "Only stderr.log." };
        var cluster = new ClusterFlags();
        var command = new Command("logs", "Print a trial's log files (stdout.log, stderr.log); --follow tails them until the trial finishes.")
        {
            id, number, home, follow, stdout, stderr,
        };
        cluster.AddTo(command);
        command.SetAction((pr, ct) => CliAction.RunAsync("logs", pr.InvocationConfiguration.Error, async () =>
        {
            if (pr.GetValue(stdout) && pr.GetValue(stderr)) throw new UsageException("--stdout and --stderr exclude each other (neither: both logs)");
            var target = SweepTarget.Existing(pr.GetValue(home), cluster.Read(pr));
            using var store = target.OpenStore();
            var sweep = store.Sweep(pr.GetValue(id)!);
            var n = pr.GetValue(number);
            if (SweepPlan.Parse(sweep.SpecText, sweep.SpecFile).Kind == TrialKind.Function)
                throw new UsageException($"sweep {sweep.Id} evaluates trial.function in process: its trials have no log files");
            // --follow waits for a trial the sweep has not asked for yet, while it may still.
            var trial = Trial(store, sweep, n, pr.GetValue(follow));
            while (trial is null)
            {
                try { await Task.Delay(Poll, ct); }
                catch (OperationCanceledException) { return Termination.ExitCode; }
                trial = Trial(store, store.Sweep(sweep.Id), n, wait: true);
            }
            var directory = SweepHome.TrialDirectory(SweepHome.At(pr.GetValue(home)).TrialsDirectory, sweep.Id, n);
            string[] names = pr.GetValue(stdout) ? ["stdout.log"] : pr.GetValue(stderr) ? ["stderr.log"] : ["stdout.log", "stderr.log"];
            var logs = names.Select(name => new LogTail(Path.Combine(directory, name))).ToArray();
            if (!Directory.Exists(directory) && !(pr.GetValue(follow) && trial.Status is TrialState.Pending or TrialState.Running))
                throw new InvalidOperationException(Missing(target, sweep, trial, directory));
            var output = pr.InvocationConfiguration.Output;
            LogTail? last = null;
            var interrupted = false;
            for (var poll = 1; ; poll++)
            {
                // The state first: what the logs hold once it reads finished is complete.
                var finished = trial.IsFinished || !pr.GetValue(follow) || interrupted;
                foreach (var log in logs)
                {
                    var text = log.ReadNew();
                    if (text.Length == 0) continue;
                    if (logs.Length > 1 && last != log) output.Write($"{(last is null ? "" : "\n")}==> {log.Path} <==\n");
                    last = log;
                    output.Write(text);
                }
                output.Flush();
                if (interrupted)
                    throw new InvalidOperationException($"sweep {sweep.Id} is interrupted (the process that ran it died) while trial {n} was " +
                                                        $"{trial.Status.ToString().ToLowerInvariant()}; `sweep resume {sweep.Id}` continues it");
                if (finished) return ExitCodes.Ok;
                try { await Task.Delay(Poll, ct); }
                catch (OperationCanceledException) { return Termination.ExitCode; }
                trial = Trial(store, sweep, n, wait: false)!;
                // A sweep whose process died stays "running" in storage: nothing would ever finish the trial.
                if (poll % FollowCheckEvery == 0 && !trial.IsFinished && !store.Sweep(sweep.Id).IsResting && !await target.IsServedAsync(ct))
                    interrupted = true;
            }
        }));
        return command;
    }

    /// <summary>The trial; null when <paramref name="wait"/> and the sweep may still ask for it.</summary>
    private static TrialInfo? Trial(Store.SweepStore store, SweepInfo sweep, int number, bool wait)
    {
        var trials = store.Trials(sweep.Id);
        if (trials.FirstOrDefault(t => t.Number == number) is { } trial) return trial;
        if (wait && !sweep.IsResting && number >= 0 && number < sweep.MaxTrials) return null;
        throw Store.SweepStore.NoSuchTrial(sweep, trials, number);
    }

    /// <summary>Why the trial's folder is not here: it has not started, or it ran on another node.</summary>
    private static string Missing(SweepTarget target, SweepInfo sweep, TrialInfo trial, string directory)
    {
        if (trial.Status == TrialState.Pending && trial.Attempt == 0) return $"trial {trial.Number} of {sweep.Id} has not started yet (no logs; --follow waits for them)";
        if (target.Cluster is not null || trial.Node is { } node && node != Environment.MachineName)
            return $"trial {trial.Number}'s logs are on node '{trial.Node ?? "?"}', the machine that ran it ({directory} is not on this machine): " +
                   "run `sweep logs` there with its --home, or keep homes on shared storage";
        return $"trial {trial.Number} of {sweep.Id} has no log folder ({directory} does not exist)";
    }

    /// <summary>One log file read from where the last read stopped, decoding UTF-8 across reads.</summary>
    private sealed class LogTail(string path)
    {
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
        private long _offset;

        public string Path { get; } = path;

        public string ReadNew()
        {
            if (!File.Exists(Path)) return "";
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < _offset) _offset = 0;   // replaced by a new attempt's file
            stream.Seek(_offset, SeekOrigin.Begin);
            var bytes = new byte[stream.Length - _offset];
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            _offset += read;
            var chars = new char[_decoder.GetCharCount(bytes, 0, read)];
            _decoder.GetChars(bytes, 0, read, chars, 0);
            return new string(chars);
        }
    }
}
