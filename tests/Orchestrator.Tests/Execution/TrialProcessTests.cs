using Sweep.Orchestrator.Execution;

namespace Sweep.Orchestrator.Tests.Execution;

public sealed class TrialProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TrialSandbox _sandbox = new();
    private readonly TrialProcessLauncher _launcher = new();

    public void Dispose()
    {
        _launcher.Dispose();
        _sandbox.Dispose();
    }

    private async Task<(TrialExit Exit, List<TrialLine> Lines, int Pid)> RunAsync(TrialLaunch launch, Func<TrialLine, bool>? decide = null, CancellationToken ct = default)
    {
        await using var trial = await _launcher.StartAsync(launch);
        var lines = new List<TrialLine>();
        var exit = await trial.RunAsync(line =>
        {
            lines.Add(line);
            return ValueTask.FromResult(decide?.Invoke(line) ?? true);
        }, ct).WaitAsync(Timeout);
        return (exit, lines, trial.ProcessId);
    }

    [Fact]
    public async Task Progress_lines_and_the_result_arrive_in_order()
    {
        var (exit, lines, _) = await RunAsync(_sandbox.Script("""
            for i in 0 1 2; do echo "{\"type\":\"progress\",\"step\":$i,\"value\":0.$i}"; done
            echo "training done" >&2
            echo '{"type":"result","status":"complete","value":0.9}'
            """));
        Assert.Equal([0L, 1L, 2L], lines.OfType<TrialProgress>().Select(p => p.Step));
        Assert.Equal([0.0, 0.1, 0.2], lines.OfType<TrialProgress>().Select(p => p.Metrics["value"]));
        Assert.IsType<TrialResult>(lines[^1]);
        Assert.Equal(4, lines.Count);
        Assert.Equal((0, false, null), (exit.ExitCode, exit.Killed, exit.ProtocolError));
        Assert.Equal("complete", exit.Result?.Status);
        Assert.Equal(0.9, exit.Result!.Metrics["value"]);
        Assert.Equal(["training done"], exit.StderrTail);
        Assert.True(exit.Duration > TimeSpan.Zero);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(_sandbox.LogDirectory, "stdout.log")).Length);
        Assert.Equal("training done\n", File.ReadAllText(Path.Combine(_sandbox.LogDirectory, "stderr.log")));
    }

    [Fact]
    public async Task A_crash_reports_the_exit_code_and_the_stderr_tail()
    {
        var (exit, lines, _) = await RunAsync(_sandbox.Script("""
            i=0; while [ $i -lt 30 ]; do echo "log $i" >&2; i=$((i+1)); done
            echo 'Traceback: RuntimeError: boom' >&2
            exit 3
            """));
        Assert.Empty(lines);
        Assert.Equal((3, false, null, null), (exit.ExitCode, exit.Killed, exit.Result, exit.ProtocolError));
        Assert.Equal(20, exit.StderrTail.Count);
        Assert.Equal("log 11", exit.StderrTail[0]);
        Assert.Equal("Traceback: RuntimeError: boom", exit.StderrTail[^1]);
        Assert.Equal(31, File.ReadAllLines(Path.Combine(_sandbox.LogDirectory, "stderr.log")).Length);
    }

    [Fact]
    public async Task A_garbage_line_is_a_protocol_error_that_kills_the_trial()
    {
        var (exit, lines, pid) = await RunAsync(_sandbox.Script("""
            echo '{"type":"progress","step":0}'
            echo ''
            echo 'Epoch 1: loss 0.3'
            sleep 1000
            """));
        Assert.Single(lines);
        Assert.Equal("line 3: not JSON: \"Epoch 1: loss 0.3\"", exit.ProtocolError);
        Assert.Equal((null, true), (exit.ExitCode, exit.Killed));
        Assert.True(ProcFs.Eventually(() => ProcFs.GroupMembers(pid).Count == 0));
    }

    [Fact]
    public async Task Output_after_the_result_is_a_protocol_error()
    {
        var (exit, _, _) = await RunAsync(_sandbox.Script("""
            echo '{"type":"result","status":"failed","error":"diverged"}'
            echo '{"type":"progress","step":5}'
            sleep 1000
            """));
        Assert.Equal("diverged", exit.Result?.Error);
        Assert.Equal("line 2: output after the result line: \"{\"type\":\"progress\",\"step\":5}\"", exit.ProtocolError);
        Assert.True(exit.Killed);
    }

    [Fact]
    public async Task Returning_false_kills_the_trial_and_its_grandchildren()
    {
        var launch = _sandbox.Script("""
            sleep 1000 &
            echo "grandchild $!" >&2
            echo '{"type":"progress","step":0,"value":0.1}'
            wait
            """);
        var (exit, lines, pid) = await RunAsync(launch, _ => false);
        Assert.Single(lines);
        Assert.Equal((null, true, null), (exit.ExitCode, exit.Killed, exit.ProtocolError));
        var grandchild = int.Parse(exit.StderrTail.Single().Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ProcFs.Eventually(() => ProcFs.GroupMembers(pid).Count == 0), $"group {pid} still has {string.Join(", ", ProcFs.GroupMembers(pid))}");
        Assert.False(ProcFs.IsAlive(grandchild));
    }

    [Fact]
    public async Task Orphans_left_by_a_trial_that_exits_are_killed()
    {
        var (exit, _, pid) = await RunAsync(_sandbox.Script("""
            sleep 1000 &
            echo '{"type":"result","status":"complete","value":1}'
            exit 0
            """));
        Assert.Equal((0, false), (exit.ExitCode, exit.Killed));
        Assert.True(ProcFs.Eventually(() => ProcFs.GroupMembers(pid).Count == 0));
    }

    [Fact]
    public async Task Cancellation_kills_the_process_group()
    {
        using var cts = new CancellationTokenSource();
        await using var trial = await _launcher.StartAsync(_sandbox.Script("""
            sleep 1000 &
            echo '{"type":"progress","step":0}'
            wait
            """));
        var run = trial.RunAsync(_ =>
        {
            cts.Cancel();
            return ValueTask.FromResult(true);
        }, cts.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Timeout));
        Assert.True(ProcFs.Eventually(() => ProcFs.GroupMembers(trial.ProcessId).Count == 0));
    }

    [Fact]
    public async Task Stop_with_a_grace_period_sends_sigterm_first()
    {
        using var launcher = new TrialProcessLauncher(new TrialLauncherOptions { StopGrace = TimeSpan.FromSeconds(20) });
        await using var trial = await launcher.StartAsync(_sandbox.Script("""
            trap 'echo "got TERM" >&2; exit 143' TERM
            echo '{"type":"progress","step":0}'
            while :; do sleep 0.05; done
            """));
        var exit = await trial.RunAsync(_ => ValueTask.FromResult(false), CancellationToken.None).WaitAsync(Timeout);
        Assert.True(exit.Killed);
        Assert.Contains("got TERM", exit.StderrTail);
        Assert.True(exit.Duration < TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Kill_is_idempotent_and_ends_the_run()
    {
        await using var trial = await _launcher.StartAsync(_sandbox.Script("sleep 1000"));
        trial.Kill();
        trial.Kill();
        var exit = await trial.RunAsync(_ => ValueTask.FromResult(true), CancellationToken.None).WaitAsync(Timeout);
        Assert.Equal((null, true), (exit.ExitCode, exit.Killed));
        trial.Kill();
    }
}
