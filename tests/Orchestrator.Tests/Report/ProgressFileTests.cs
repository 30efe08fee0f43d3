using System.Text.Json.Nodes;
using Sweep.Orchestrator.Tests.Engine;

namespace Sweep.Orchestrator.Tests.Report;

/// <summary>A command trial's progress lines land in its <c>progress.jsonl</c>, lines without the metric included.</summary>
[Trait("Category", "Slow")]
public sealed class ProgressFileTests : SweepCliTest
{
    [Fact]
    public async Task A_command_trial_keeps_every_progress_line_it_wrote_and_nothing_else()
    {
        var script = Path.Combine(Cli.Directory, "trial.sh");
        File.WriteAllText(script, """
            #!/bin/sh
            echo 'warming up'
            echo '{"type":"progress","step":1,"epoch":1,"loss":0.9}'
            echo '{"type":"progress","step":2,"epoch":1,"loss":0.5,"value":0.5}'
            echo '{"type":"progress","step":3,"epoch":2,"value":0.25,"lr":0.01}'
            echo '{"type":"result","status":"complete","value":0.25}'
            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var spec = Cli.WriteSpec(TestSpecs.UnitCommand("cmd", script, 1));
        var (code, _, err) = await Cli.Run("start", spec, "--home", Cli.Home, "--id", "cmd");
        Assert.True(code == 0, err);

        var lines = File.ReadAllLines(Path.Combine(Cli.Home, "trials", "cmd", "0", "progress.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal([1, 2, 3], lines.Select(l => l["step"]!.GetValue<int>()));
        Assert.All(lines, l => Assert.Equal("progress", l["type"]!.GetValue<string>()));
        Assert.Equal(0.9, lines[0]["loss"]!.GetValue<double>());
        Assert.Equal(0.01, lines[2]["lr"]!.GetValue<double>());
        Assert.Equal([null, 0.5, 0.25], lines.Select(l => l["value"]?.GetValue<double>()));
    }
}
