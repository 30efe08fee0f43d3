using Sweep.Orchestrator.Execution;

namespace Sweep.Orchestrator.Tests.Execution;

public sealed class TrialLaunchTests : IDisposable
{
    private readonly TrialSandbox _sandbox = new();
    private readonly TrialProcessLauncher _launcher = new();

    public void Dispose()
    {
        _launcher.Dispose();
        _sandbox.Dispose();
    }

    private async Task<IReadOnlyList<string>> StderrOfAsync(TrialLaunch launch)
    {
        await using var trial = await _launcher.StartAsync(launch);
        var exit = await trial.RunAsync(_ => ValueTask.FromResult(true), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, exit.ExitCode);
        return exit.StderrTail;
    }

    [Fact]
    public async Task The_child_sees_the_launch_environment_on_top_of_ours_and_a_passive_omp_default()
    {
        var env = new Dictionary<string, string> { ["SWEEP_PARAMS"] = """{"lr":0.01}""", ["CUDA_VISIBLE_DEVICES"] = "1" };
        var stderr = await StderrOfAsync(_sandbox.Script("""
            echo "$SWEEP_PARAMS|$CUDA_VISIBLE_DEVICES|$OMP_WAIT_POLICY|$HOME|$(pwd)" >&2
            """, env));
        Assert.Equal($$"""{"lr":0.01}|1|PASSIVE|{{Environment.GetEnvironmentVariable("HOME")}}|{{_sandbox.Root}}""", stderr.Single());
    }

    [Fact]
    public async Task The_caller_may_set_the_omp_wait_policy()
    {
        var stderr = await StderrOfAsync(_sandbox.Script("echo \"$OMP_WAIT_POLICY\" >&2", new Dictionary<string, string> { ["OMP_WAIT_POLICY"] = "ACTIVE" }));
        Assert.Equal(["ACTIVE"], stderr);
    }

    [Fact]
    public async Task Shell_commands_get_quoted_extra_arguments_and_exec_the_command_itself()
    {
        var script = Path.Combine(_sandbox.Root, "args.sh");
        File.WriteAllText(script, "for a in \"$@\"; do echo \"[$a]\" >&2; done\n");
        string[] extra = ["--set", "lr=0.01", "name=it's a \"test\"", "", "$HOME;rm -rf /", "*"];
        var launch = TrialLaunch.ForShellCommand($"/bin/sh {script}", extra, new Dictionary<string, string>(), _sandbox.Root, _sandbox.LogDirectory);
        Assert.Equal(["-c", $"exec /bin/sh {script} --set lr=0.01 'name=it'\\''s a \"test\"' '' '$HOME;rm -rf /' '*'"], launch.Arguments);
        var stderr = await StderrOfAsync(launch);
        Assert.Equal(extra.Select(a => $"[{a}]"), stderr);
    }

    [Fact]
    public async Task A_shell_command_replaces_the_shell_so_it_carries_the_parent_death_signal()
    {
        var launch = TrialLaunch.ForShellCommand("sleep 1000", [], new Dictionary<string, string>(), _sandbox.Root, _sandbox.LogDirectory);
        await using var trial = await _launcher.StartAsync(launch);
        Assert.True(ProcFs.Eventually(() => File.ReadAllText($"/proc/{trial.ProcessId}/comm").Trim() == "sleep"));
        // PDeathSig is not in /proc; setpriv --pdeathsig set it on this very pid, and exec keeps it.
        Assert.Equal([trial.ProcessId], ProcFs.GroupMembers(trial.ProcessId));
        trial.Kill();
    }

    [Fact]
    public async Task A_missing_program_fails_with_its_name()
    {
        var e = await Assert.ThrowsAsync<TrialStartException>(() => _launcher.StartAsync(_sandbox.Program("no-such-trainer-xyz", "--epochs", "3")));
        Assert.Equal("Cannot start trial: program 'no-such-trainer-xyz' was not found or is not executable.", e.Message);
        e = await Assert.ThrowsAsync<TrialStartException>(() => _launcher.StartAsync(_sandbox.Program("/opt/nothing/train.sh")));
        Assert.Contains("'/opt/nothing/train.sh'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_working_directory_fails_with_its_path()
    {
        var launch = _sandbox.Program("/bin/true") with { WorkingDirectory = "/no/such/dir" };
        var e = await Assert.ThrowsAsync<TrialStartException>(() => _launcher.StartAsync(launch));
        Assert.Contains("'/no/such/dir'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_util_linux_tools_fail_with_the_tool_name()
    {
        var e = Assert.Throws<TrialStartException>(() => new TrialProcessLauncher(new TrialLauncherOptions { ToolSearchPath = _sandbox.Root }));
        Assert.Equal("'setsid' was not found on PATH; trials need it (install util-linux).", e.Message);
        File.Copy("/usr/bin/setsid", Path.Combine(_sandbox.Root, "setsid"));
        e = Assert.Throws<TrialStartException>(() => new TrialProcessLauncher(new TrialLauncherOptions { ToolSearchPath = _sandbox.Root }));
        Assert.Contains("'setpriv'", e.Message, StringComparison.Ordinal);
    }
}
