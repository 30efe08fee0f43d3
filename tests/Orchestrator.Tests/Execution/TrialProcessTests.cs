using Sweep.Contracts.TrialProtocol;
using Sweep.Orchestrator.Execution;

namespace Sweep.Orchestrator.Tests.Execution;

public sealed class TrialProcessTests : TrialProcessFixture
{
    [Fact]
    public async Task Progress_lines_and_the_result_arrive_in_order()
    {
        var (exit, lines, _) = await RunAsync(Sandbox.Script("""
            for i in 0 1 2; do echo "{\"type\":\"progress\",\"step\":$i,\"value\":0.$i}"; done
            echo "training done" >&2
            echo '{"type":"result","status":"complete","value":0.9}'
            """));
        Assert.Equal([0L, 1L, 2L], lines.OfType<ProgressRecord>().Select(p => p.Step));
        Assert.Equal([0.0, 0.1, 0.2], lines.OfType<ProgressRecord>().Select(p => p.Metric("value")));
        Assert.IsType<ResultRecord>(lines[^1]);
        Assert.Equal(4, lines.Count);
        Assert.Equal((0, false, null), (exit.ExitCode, exit.Killed, exit.ProtocolError));
        Assert.Equal(TrialState.Complete, exit.Result?.Status);
        Assert.Equal(0.9, exit.Result!.Metrics["value"]);
        Assert.Equal(["training done"], exit.StderrTail);
        Assert.True(exit.Duration > TimeSpan.Zero);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(Sandbox.LogDirectory, "stdout.log")).Length);
        Assert.Equal("training done\n", File.ReadAllText(Path.Combine(Sandbox.LogDirectory, "stderr.log")));
    }

    [Fact]
    public async Task A_callback_that_hangs_after_the_exit_does_not_hide_the_result_line()
    {
        // A report to a sweep whose silo froze hangs; the trial has already printed its result and exited.
        using var launcher = new TrialProcessLauncher(new TrialLauncherOptions { DrainTimeout = TimeSpan.FromSeconds(1) });
        await using var trial = await launcher.StartAsync(Sandbox.Script("""
            echo '{"type":"progress","step":0,"value":0.5}'
            echo '{"type":"progress","step":1,"value":0.6}'
            echo '{"type":"result","status":"complete","value":0.9}'
            """));
        var never = new TaskCompletionSource<bool>();
        var calls = 0;
        var exit = await trial.RunAsync(_ => ++calls == 1 ? new ValueTask<bool>(never.Task) : ValueTask.FromResult(true), CancellationToken.None)
                              .WaitAsync(TrialRun.Timeout);
        Assert.Equal((0, false), (exit.ExitCode, exit.Killed));
        Assert.Equal(TrialState.Complete, exit.Result?.Status);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_crash_reports_the_exit_code_and_the_stderr_tail()
    {
        var (exit, lines, _) = await RunAsync(Sandbox.Script("""
            i=0; while [ $i -lt 30 ]; do echo "log $i" >&2; i=$((i+1)); done
            echo 'Traceback: RuntimeError: boom' >&2
            exit 3
            """));
        Assert.Empty(lines);
        Assert.Equal((3, false, null, null), (exit.ExitCode, exit.Killed, exit.Result, exit.ProtocolError));
        Assert.Equal(20, exit.StderrTail.Count);
        Assert.Equal("log 11", exit.StderrTail[0]);
        Assert.Equal("Traceback: RuntimeError: boom", exit.StderrTail[^1]);
        Assert.Equal(31, File.ReadAllLines(Path.Combine(Sandbox.LogDirectory, "stderr.log")).Length);
    }

    [Fact]
    public async Task Ordinary_output_between_protocol_lines_goes_to_the_log_only()
    {
        var (exit, lines, _) = await RunAsync(Sandbox.Script("""
            echo 'Epoch 1: loss 0.3'
            echo '{"type":"progress","step":0,"value":0.5}'
            printf '[#####.....] 50%%\n'
            echo '{"loss": 0.2}'
            echo '{"type":"result","status":"complete","value":0.9}'
            echo 'saved model.pt'
            """));
        Assert.Equal(2, lines.Count);
        Assert.Equal((0, null), (exit.ExitCode, exit.ProtocolError));
        Assert.Equal(6, File.ReadAllLines(Path.Combine(Sandbox.LogDirectory, "stdout.log")).Length);
    }

    [Fact]
    public async Task A_line_that_claims_to_be_protocol_and_breaks_it_kills_the_trial()
    {
        var (exit, lines, pid) = await RunAsync(Sandbox.Script("""
            echo '{"type":"progress","step":0}'
            echo ''
            echo '{"type":"progress","step":-1,"value":0.3}'
            sleep 1000
            """));
        Assert.Single(lines);
        Assert.Equal("line 3: progress: field 'step' must be a whole number >= 0 or null (got -1): \"{\"type\":\"progress\",\"step\":-1,\"value\":0.3}\"", exit.ProtocolError);
        Assert.Equal((null, true), (exit.ExitCode, exit.Killed));
        Assert.True(ProcFs.Eventually(() => ProcFs.GroupMembers(pid).Count == 0));
    }

    [Fact]
    public async Task Output_after_the_result_is_a_protocol_error()
    {
        var (exit, _, _) = await RunAsync(Sandbox.Script("""
            echo '{"type":"result","status":"failed","error":"diverged"}'
            echo '{"type":"progress","step":5}'
            sleep 1000
            """));
        Assert.Equal("diverged", exit.Result?.Error);
        Assert.Equal("line 2: a protocol line after the result line: \"{\"type\":\"progress\",\"step\":5}\"", exit.ProtocolError);
        Assert.True(exit.Killed);
    }
}
