using Sweep.Orchestrator.Execution;

namespace Sweep.Orchestrator.Tests.Execution;

/// <summary>No trial output can exhaust the engine's memory or the disk: lines and logs are capped.</summary>
public sealed class TrialOutputLimitTests : TrialProcessFixture
{
    [Fact]
    public async Task A_line_longer_than_1_MiB_fails_the_trial_without_being_held_whole()
    {
        var (exit, lines, _) = await RunAsync(Sandbox.Script("""
            echo '{"type":"progress","step":1,"value":1}'
            head -c 5000000 /dev/zero | tr '\0' 'x'
            echo
            sleep 1000
            """));
        Assert.Single(lines);
        Assert.Equal("line 2 is longer than 1,048,576 characters (protocol lines are short JSON; print large data to a file, and end progress bars with a newline)",
                     exit.ProtocolError);
        Assert.True(exit.Killed);
        // The log keeps the first MiB of the line, not five.
        Assert.InRange(new FileInfo(Path.Combine(Sandbox.LogDirectory, "stdout.log")).Length, 1 << 20, (1 << 20) + 1000);
    }

    [Fact]
    public async Task A_huge_stderr_line_is_cut_in_the_failure_tail()
    {
        var (exit, _, _) = await RunAsync(Sandbox.Script("""
            head -c 3000000 /dev/zero | tr '\0' 'e' >&2
            echo >&2
            exit 3
            """));
        Assert.Equal(3, exit.ExitCode);
        var tail = Assert.Single(exit.StderrTail);
        Assert.Equal(2002, tail.Length);
        Assert.EndsWith(" …", tail);
    }

    [Fact]
    public async Task A_log_stops_at_its_cap_with_a_note_and_keeps_what_came_before()
    {
        var path = Path.Combine(Sandbox.LogDirectory, "capped.log");
        Directory.CreateDirectory(Sandbox.LogDirectory);
        await using (var log = TrialLogFile.OpenAppend(path, maxBytes: 1000))
            for (var i = 0; i < 100; i++) await log.WriteLineAsync($"line {i:D3} of a chatty trial");
        var written = File.ReadAllLines(path);
        Assert.Equal("line 000 of a chatty trial", written[0]);
        Assert.Equal("[sweep] this log reached 1,000 bytes; the rest of the trial's output is not kept", written[^1]);
        Assert.InRange(new FileInfo(path).Length, 900, 1100);
        await using (var again = TrialLogFile.OpenAppend(path, maxBytes: 1000)) await again.WriteLineAsync("a retry's output");
        Assert.Equal(written.Length, File.ReadAllLines(path).Length);   // a full log stays full across attempts
    }
}
