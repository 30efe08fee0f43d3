using System.Diagnostics;
using System.Globalization;
using Sweep.Orchestrator.Execution;
using Xunit.Abstractions;

namespace Sweep.Orchestrator.Tests.Execution;

public sealed class ParentDeathTests(ITestOutputHelper output) : IDisposable
{
    private readonly TrialSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task The_launch_command_line_kills_the_trial_when_its_parent_is_killed_with_sigkill()
    {
        using var launcher = new TrialProcessLauncher();
        var argv = launcher.CommandLine(_sandbox.Program("sleep", "1000"));
        Assert.Equal(["--pdeathsig", "KILL", "--"], argv.Skip(2).Take(3));
        // A bash parent runs exactly our command line, prints the trial's pid and waits; then it dies by kill -9.
        var info = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true };
        foreach (var a in (string[])["-c", "\"$@\" & echo $!; wait", "parent", .. argv]) info.ArgumentList.Add(a);
        using var parent = Process.Start(info)!;
        var trialPid = int.Parse((await parent.StandardOutput.ReadLineAsync())!, CultureInfo.InvariantCulture);
        Assert.True(ProcFs.Eventually(() => File.ReadAllText($"/proc/{trialPid}/comm").Trim() == "sleep"));
        parent.Kill();
        await parent.WaitForExitAsync();
        Assert.True(ProcFs.Eventually(() => !ProcFs.IsAlive(trialPid)), $"trial {trialPid} outlived its parent");
    }

    [Fact]
    public async Task Trials_outlive_the_calling_thread_but_not_the_launcher_thread()
    {
        var launcher = new TrialProcessLauncher();
        TrialProcess? trial = null;
        // The caller is a short-lived thread: were it the forking thread, its exit would fire the parent-death signal.
        var caller = new Thread(() => trial = launcher.StartAsync(_sandbox.Script("sleep 1000")).GetAwaiter().GetResult());
        caller.Start();
        caller.Join();
        Assert.NotNull(trial);
        Assert.NotEqual(caller.ManagedThreadId, launcher.LauncherThreadId);
        await Task.Delay(200);
        Assert.True(ProcFs.IsAlive(trial.ProcessId), "the trial died with the thread that asked for it");
        // Ending the launcher thread fires the parent-death signal: the proof that the launcher thread forked it.
        launcher.Dispose();
        var exit = await trial.RunAsync(_ => ValueTask.FromResult(true), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(137, exit.ExitCode);
        await trial.DisposeAsync();
    }

    [Fact]
    public async Task Start_latency_is_recorded()
    {
        using var launcher = new TrialProcessLauncher();
        var latencies = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            await using var trial = await launcher.StartAsync(_sandbox.Program("/bin/true"));
            Assert.True(trial.StartLatency > TimeSpan.Zero);
            latencies.Add(trial.StartLatency.TotalMilliseconds);
            var exit = await trial.RunAsync(_ => ValueTask.FromResult(true), CancellationToken.None);
            Assert.Equal(0, exit.ExitCode);
        }
        latencies.Sort();
        output.WriteLine($"start latency of /bin/true over 20 starts: median {latencies[10]:F2} ms, min {latencies[0]:F2} ms, max {latencies[^1]:F2} ms");
        Assert.True(latencies[10] < 1000, $"median start latency {latencies[10]:F1} ms");
    }
}
