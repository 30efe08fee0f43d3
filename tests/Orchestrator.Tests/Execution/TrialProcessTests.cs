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
        Assert.Equal([0L, 1L, 2L], lines.OfType<TrialProgress>().Select(p => p.Step));
        Assert.Equal([0.0, 0.1, 0.2], lines.OfType<TrialProgress>().Select(p => p.Metrics["value"]));
        Assert.IsType<TrialResult>(lines[^1]);
        Assert.Equal(4, lines.Count);
        Assert.Equal((0, false, null), (exit.ExitCode, exit.Killed, exit.ProtocolError));
        Assert.Equal("complete", exit.Result?.Status);
        Assert.Equal(0.9, exit.Result!.Metrics["value"]);
        Assert.Equal(["training done"], exit.StderrTail);
        Assert.True(exit.Duration > TimeSpan.Zero);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(Sandbox.LogDirectory, "stdout.log")).Length);
        Assert.Equal("training done\n", File.ReadAllText(Path.Combine(Sandbox.LogDirectory, "stderr.log")));
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
    public async Task A_garbage_line_is_a_protocol_error_that_kills_the_trial()
    {
        var (exit, lines, pid) = await RunAsync(Sandbox.Script("""
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
        var (exit, _, _) = await RunAsync(Sandbox.Script("""
            echo '{"type":"result","status":"failed","error":"diverged"}'
            echo '{"type":"progress","step":5}'
            sleep 1000
            """));
        Assert.Equal("diverged", exit.Result?.Error);
        Assert.Equal("line 2: output after the result line: \"{\"type\":\"progress\",\"step\":5}\"", exit.ProtocolError);
        Assert.True(exit.Killed);
    }
}
