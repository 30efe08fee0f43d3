
namespace Sweep.Orchestrator.Tests.Execution;

public sealed class TrialProcessKillTests : TrialProcessFixture
{
    [Fact]
    public async Task Returning_false_kills_the_trial_and_its_grandchildren()
    {
        var launch = Sandbox.Script("""
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
        var (exit, _, pid) = await RunAsync(Sandbox.Script("""
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
        await using var trial = await Launcher.StartAsync(Sandbox.Script("""
            sleep 1000 &
            echo '{"type":"progress","step":0}'
            wait
            """));
        var run = trial.RunAsync(_ =>
        {
            cts.Cancel();
            return ValueTask.FromResult(true);
        }, cts.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TrialRun.Timeout));
        Assert.True(ProcFs.Eventually(() => ProcFs.GroupMembers(trial.ProcessId).Count == 0));
    }

    [Fact]
    public async Task Stop_with_a_grace_period_sends_sigterm_first()
    {
        await using var trial = await Launcher.StartAsync(Sandbox.Script("""
            trap 'echo "got TERM" >&2; exit 143' TERM
            echo '{"type":"progress","step":0}'
            while :; do sleep 0.05; done
            """) with { StopGrace = TimeSpan.FromSeconds(20) });
        var exit = await trial.RunAsync(_ => ValueTask.FromResult(false), CancellationToken.None).WaitAsync(TrialRun.Timeout);
        Assert.True(exit.Killed);
        Assert.Contains("got TERM", exit.StderrTail);
        Assert.True(exit.Duration < TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Kill_is_idempotent_and_ends_the_run()
    {
        await using var trial = await Launcher.StartAsync(Sandbox.Script("sleep 1000"));
        trial.Kill();
        trial.Kill();
        var exit = await trial.RunAsync(_ => ValueTask.FromResult(true), CancellationToken.None).WaitAsync(TrialRun.Timeout);
        Assert.Equal((null, true), (exit.ExitCode, exit.Killed));
        trial.Kill();
    }
}
