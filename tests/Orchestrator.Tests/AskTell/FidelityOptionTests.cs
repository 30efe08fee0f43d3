using System.Text.Json.Nodes;
using Sweep.Orchestrator.Commands;
using Sweep.Orchestrator.Tests.Engine;

namespace Sweep.Orchestrator.Tests.AskTell;

/// <summary><c>sweep ask-tell --fidelity rungs</c>: refused without a pruner that has rungs; with ASHA it changes the search.</summary>
public sealed class FidelityOptionTests
{
    [Theory]
    [InlineData("--fidelity rungs", "sweep ask-tell: --fidelity rungs models the pruner's rungs; it needs --pruner asha or hyperband (got --pruner none)")]
    [InlineData("--fidelity rungs --pruner median", "sweep ask-tell: --fidelity rungs models the pruner's rungs; it needs --pruner asha or hyperband (got --pruner median)")]
    [InlineData("--fidelity rungs --sampler random --pruner asha", "sweep ask-tell: --fidelity applies only to --sampler tpe (got --sampler random)")]
    [InlineData("--fidelity rungs --pruner asha --optuna31", "sweep ask-tell: --optuna31 is an exact preset; it cannot be combined with --multivariate, --group, --no-constant-liar, --startup-trials, --candidates or --fidelity")]
    public async Task Refuses_rungs_without_a_tpe_sampler_and_a_pruner_with_rungs(string args, string error)
    {
        using var cli = new SweepCli();
        var (code, output, err) = await cli.Run(["ask-tell", .. args.Split(' ')]);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal(error, err.Trim());
    }

    [Fact]
    public void Rung_fed_session_differs_from_the_final_model_and_repeats_for_its_seed()
    {
        var rungs = Session("rungs");
        Assert.Equal(rungs, Session("rungs"));
        Assert.NotEqual(Session("final"), rungs);
    }

    // Six parameters, so a rung needs d + 1 = 7 trials and few trials are complete when the model starts.
    private const string Init =
        """{"op":"init","protocol":1,"direction":"minimize","seed":0,"space":[""" +
        """{"name":"a","type":"float","low":0.0,"high":1.0,"log":false},{"name":"b","type":"float","low":0.0,"high":1.0,"log":false},""" +
        """{"name":"c","type":"float","low":0.0,"high":1.0,"log":false},{"name":"d","type":"float","low":0.0,"high":1.0,"log":false},""" +
        """{"name":"e","type":"float","low":0.0,"high":1.0,"log":false},{"name":"f","type":"float","low":0.0,"high":1.0,"log":false}],""" +
        "\"budget\":40,\"steps\":27,\"batch\":1}";

    /// <summary>40 trials through ASHA (27 steps, curves that cross), the ask answers in order.</summary>
    private static List<string> Session(string fidelity)
    {
        var configuration = AskTellSamplers.TryCreate(new AskTellCommandOptions { Pruner = "asha", Fidelity = fidelity }, "sweep-test", out var error)
            ?? throw new InvalidOperationException(error);
        var h = new ProtocolHarness(configuration);
        Assert.Contains("\"ok\":true", h.Send(Init)!, StringComparison.Ordinal);
        var asks = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var answer = h.Send(ProtocolHarness.Ask)!;
            asks.Add(answer);
            var p = JsonNode.Parse(answer)!["params"]!.AsObject().Select(kv => kv.Value!.GetValue<double>()).ToArray();
            var final = p.Sum(x => (x - 0.3) * (x - 0.3));
            var gap = 0.5 + Math.Abs(Math.Sin(13 * p[0] + 7 * p[5]));
            var pruned = false;
            for (var step = 1; step <= 27 && !pruned; step++)
            {
                var value = final + gap * (1 + final) / step;
                pruned = h.Send($$"""{"op":"report","trial":{{i}},"step":{{step}},"value":{{value:R}}}""")!.Contains("true", StringComparison.Ordinal);
            }
            h.Send(pruned ? $$"""{"op":"tell","trial":{{i}},"state":"pruned"}""" : $$"""{"op":"tell","trial":{{i}},"value":{{final:R}}}""");
        }
        return asks;
    }
}
