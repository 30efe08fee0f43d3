using System.Diagnostics;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Samplers.Tpe;
using Sweep.SearchSpaces.Spaces;
using Xunit.Abstractions;

namespace Sweep.SearchSpaces.Tests.Tpe;

/// <summary>Timing harness, not a check: prints the ask latency at history 1000 (run with --filter Category=Perf).</summary>
[Trait("Category", "Perf")]
public sealed class TpeAskLatency(ITestOutputHelper output)
{
    private static readonly SearchSpace Hartmann6 = new(Enumerable.Range(1, 6).Select(i => new Parameter($"x{i}", new FloatDistribution(0, 1))));

    private static readonly SearchSpace Mixed = new([
        new Parameter("x", new FloatDistribution(-5, 5)),
        new Parameter("lr", new FloatDistribution(1e-5, 1, log: true)),
        new Parameter("n_layers", new IntDistribution(1, 8)),
        new Parameter("units", new IntDistribution(8, 1024, log: true)),
        new Parameter("optimizer", new CategoricalDistribution(["sgd", "adam", "rmsprop", "adagrad"])),
    ]);

    [Theory]
    [InlineData("hartmann6", false)]
    [InlineData("mixed", false)]
    [InlineData("hartmann6", true)]
    public void Ask_latency_at_history_1000(string name, bool multivariate)
    {
        var space = name == "mixed" ? Mixed : Hartmann6;
        var study = new Study(space, StudyDirection.Minimize, new TpeSampler(new TpeOptions { Seed = 0, Multivariate = multivariate }));
        var rnd = new System.Random(1);
        for (var i = 0; i < 1000; i++)
        {
            var t = study.Ask();
            study.Tell(t.Number, rnd.NextDouble());
        }
        var cal = Stopwatch.StartNew();
        var acc = 0.0;
        for (var i = 0; i < 1_000_000; i++) acc += Math.Exp(-i * 1e-6);
        output.WriteLine($"calibration: {cal.Elapsed.TotalMilliseconds / 1e6 * 1e6:F1} ns per Math.Exp ({acc:F0})");
        var sw = Stopwatch.StartNew();
        const int asks = 50;
        for (var i = 0; i < asks; i++)
        {
            var t = study.Ask();
            study.Tell(t.Number, rnd.NextDouble());
        }
        output.WriteLine($"{name} multivariate={multivariate}: {sw.Elapsed.TotalMilliseconds / asks:F3} ms per ask+tell at history ~1000");
    }
}
