using System.Text.Json;
using Sweep.SearchSpaces;

namespace Sweep.Orchestrator.Tests.AskTell;

/// <summary>Whole sessions against exact expected response lines, on the real <see cref="Study"/>.</summary>
public sealed class SessionTests
{
    [Fact]
    public void Example_exchange_of_PROTOCOL_md_gets_the_expected_lines_and_exits_0()
    {
        var h = new ProtocolHarness();
        var (code, lines) = h.Run(string.Join('\n',
            ProtocolHarness.Init,
            """{"op":"ask"}""",
            """{"op":"tell","trial":0,"value":150.2}""",
            """{"op":"ask"}""",
            """{"op":"report","trial":1,"step":1,"value":95.0}""",
            """{"op":"tell","trial":1,"state":"pruned"}""",
            """{"op":"close"}""") + "\n");

        Assert.Equal(0, code);
        Assert.Equal(
        [
            ProtocolHarness.InitOk,
            """{"trial":0,"params":{"x1":-5,"x2":0}}""",
            """{"ok":true}""",
            """{"trial":1,"params":{"x1":10,"x2":15}}""",
            """{"prune":true}""",
            """{"ok":true}""",
            """{"ok":true}""",
        ], lines);
        Assert.True(h.Server.IsClosed);
        var study = h.Server.Study!;
        Assert.Equal([TrialState.Complete, TrialState.Pruned], study.Trials.Select(t => t.State));
        Assert.Equal(95.0, study.Trials[1].LastIntermediateValue);
        Assert.Contains("ask-tell: closed after 2 trials (1 complete, 1 pruned, 0 failed); best is trial 0 with value 150.2", h.Log.ToString());
    }

    [Fact]
    public void Full_session_with_steps_batch_and_failures_matches_the_expected_lines()
    {
        var h = new ProtocolHarness();
        var init = ProtocolHarness.Init.Replace("\"steps\":null,\"batch\":1", "\"steps\":3,\"batch\":2");
        Assert.Equal(ProtocolHarness.InitOk, h.Send(init));
        Assert.Equal(3, h.Server.Study!.MaxSteps);
        Assert.Equal(2, h.Server.Study.Options.Batch);
        Assert.False(h.Server.Study.SupportsPause);

        Assert.Equal("""{"trial":0,"params":{"x1":-5,"x2":0}}""", h.Send("""{"op":"ask"}"""));
        Assert.Equal("""{"trial":1,"params":{"x1":10,"x2":15}}""", h.Send("""{"op":"ask"}"""));
        Assert.Equal("""{"prune":false}""", h.Send("""{"op":"report","trial":0,"step":1,"value":40}"""));
        Assert.Equal("""{"prune":false}""", h.Send("""{"op":"report","trial":1,"step":1,"value":10}"""));
        Assert.Equal("""{"prune":false}""", h.Send("""{"op":"report","trial":0,"step":3,"value":20.5}"""));
        Assert.Equal("""{"ok":true}""", h.Send("""{"op":"tell","trial":0,"value":20.5}"""));
        Assert.Equal("""{"ok":true}""", h.Send("""{"op":"tell","trial":1,"state":"fail","error":"CUDA OOM"}"""));
        Assert.Equal("""{"trial":2,"params":{"x1":2.5,"x2":7.5}}""", h.Send("""{"op":"ask"}"""));
        Assert.Equal("""{"ok":true}""", h.Send("""{"op":"tell","trial":2,"state":"fail"}"""));
        Assert.Equal("""{"ok":true}""", h.Send("""{"op":"close"}"""));

        var study = h.Server.Study;
        Assert.Equal([TrialState.Complete, TrialState.Failed, TrialState.Failed], study.Trials.Select(t => t.State));
        Assert.Equal("CUDA OOM", study.Trials[1].Error);
        Assert.Null(study.Trials[2].Error);
        Assert.Equal(0, study.BestTrial!.Number);
        Assert.Equal([1, 3], study.Trials[0].Steps);
    }

    [Fact]
    public void Maximize_ranks_the_largest_value_best()
    {
        var h = new ProtocolHarness();
        Assert.Equal(ProtocolHarness.InitOk, h.Send(ProtocolHarness.Init.Replace("\"minimize\"", "\"maximize\"")));
        for (var i = 0; i < 3; i++)
        {
            h.Send(ProtocolHarness.Ask);
            Assert.Equal("""{"ok":true}""", h.Send($$"""{"op":"tell","trial":{{i}},"value":{{new[] { 1, 3, 2 }[i]}}}"""));
        }
        Assert.Equal(StudyDirection.Maximize, h.Server.Study!.Direction);
        Assert.Equal(1, h.Server.Study.BestTrial!.Number);
        Assert.Contains("ready: 2 parameters, maximize, seed 0", h.Log.ToString());
    }

    [Fact]
    public void Ints_are_JSON_integers_and_categoricals_come_back_as_the_scalars_sent()
    {
        var h = new ProtocolHarness();
        const string space = """[{"name":"x","type":"float","low":-5,"high":5},{"name":"lr","type":"float","low":1e-5,"high":1,"log":true},""" +
                             """{"name":"n_layers","type":"int","low":1,"high":8},{"name":"units","type":"int","low":8,"high":1024,"log":true},""" +
                             """{"name":"k","type":"int","low":2,"high":11,"step":3},{"name":"q","type":"float","low":0,"high":1,"step":0.25},""" +
                             """{"name":"c","type":"categorical","choices":["adam",4,2.5,true,null]}]""";
        Assert.Equal(ProtocolHarness.InitOk, h.Send($$"""{"op":"init","protocol":1,"seed":0,"space":{{space}}}"""));

        Assert.Equal("""{"trial":0,"params":{"x":-5,"lr":1E-05,"n_layers":1,"units":8,"k":2,"q":0,"c":"adam"}}""", h.Send(ProtocolHarness.Ask));
        Assert.Equal("""{"trial":1,"params":{"x":5,"lr":1,"n_layers":8,"units":1024,"k":11,"q":1,"c":4}}""", h.Send(ProtocolHarness.Ask));
        Assert.Equal("""{"trial":2,"params":{"x":0,"lr":0.0031622776601683794,"n_layers":4,"units":516,"k":5,"q":0.5,"c":2.5}}""", h.Send(ProtocolHarness.Ask));
        Assert.Equal("""{"trial":3,"params":{"x":-5,"lr":1E-05,"n_layers":1,"units":8,"k":2,"q":0,"c":true}}""", h.Send(ProtocolHarness.Ask));
        var fifth = JsonDocument.Parse(h.Send(ProtocolHarness.Ask)!).RootElement.GetProperty("params");
        Assert.Equal(JsonValueKind.Null, fifth.GetProperty("c").ValueKind);
        foreach (var name in new[] { "n_layers", "units", "k" })
            Assert.True(fifth.GetProperty(name).TryGetInt64(out _), $"{name} is not a JSON integer: {fifth.GetProperty(name).GetRawText()}");
    }

    [Fact]
    public void Seed_and_missing_direction_reach_the_sampler_and_study()
    {
        var h = new ProtocolHarness();
        Assert.Equal(ProtocolHarness.InitOk, h.Send("""{"op":"init","protocol":1,"seed":1,"space":[{"name":"x","type":"float","low":0,"high":2}]}"""));
        Assert.Equal(StudyDirection.Minimize, h.Server.Study!.Direction);
        Assert.Equal("""{"trial":0,"params":{"x":2}}""", h.Send(ProtocolHarness.Ask));
    }

    [Fact]
    public void Unknown_keys_are_ignored_and_logged_once()
    {
        var h = new ProtocolHarness();
        Assert.Equal(ProtocolHarness.InitOk, h.Send(ProtocolHarness.Init.Replace("\"batch\":1", "\"batch\":1,\"worker\":\"w1\"")));
        Assert.StartsWith("""{"trial":0,""", h.Send("""{"op":"ask","client":"drive 2.0"}"""));
        Assert.StartsWith("""{"trial":1,""", h.Send("""{"op":"ask","client":"drive 2.0"}"""));
        var log = h.Log.ToString();
        Assert.Contains("ignoring unknown key \"worker\" in init requests", log);
        Assert.Single(log.Split('\n'), l => l.Contains("ignoring unknown key \"client\" in ask requests"));
    }
}
