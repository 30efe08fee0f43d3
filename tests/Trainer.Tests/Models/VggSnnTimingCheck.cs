using System.Diagnostics;
using Sweep.Trainer.Models;
using Sweep.Trainer.Runtime;
using Sweep.Trainer.Snn;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Sweep.Trainer.Tests.Models;

/// <summary>
/// Not a unit test: prints the time of one VGGSNN training step (48×48, T=4, batch 16, AdamW, DVS-only,
/// CE of the time-mean) in both step modes, matching ref_snn.py's <c>--variant dvs --opt adamw</c> run.
/// Run with <c>--filter Category=Perf</c>.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class VggSnnTimingCheck(ITestOutputHelper output)
{
    [Theory]
    [Trait("Category", "Perf")]
    [InlineData(StepMode.MultiStep)]
    [InlineData(StepMode.SingleStep)]
    public void OneTrainingStep(StepMode mode)
    {
        TorchRuntime.Initialize(new TorchRuntimeOptions(Threads: 2));
        random.manual_seed(0);
        const int steps = 4, batch = 16, warmup = 2, iters = 4;
        using var model = VggSnn.Create(numClasses: 10, timeSteps: steps, stepMode: mode);
        model.train();
        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);
        var g = new Generator(1);
        var dvs = rand(new long[] { steps, batch, 2, 48, 48 }, generator: g).Lt(0.15).to(ScalarType.Float32)
            .mul(randint(1, 4, new long[] { steps, batch, 2, 48, 48 }, generator: g).to(ScalarType.Float32));
        var labels = randint(0, 10, new long[] { batch }, generator: g);
        var times = new List<double>();
        for (var i = 0; i < warmup + iters; i++)
        {
            var watch = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                var logits = model.ForwardDvs(dvs);
                var loss = nn.functional.cross_entropy(logits.mean([0]), labels);
                loss.backward();
                optimizer.step();
                Assert.True(float.IsFinite(loss.item<float>()));
            }
            if (i >= warmup) times.Add(watch.Elapsed.TotalSeconds);
        }
        times.Sort();
        var median = (times[1] + times[2]) / 2;
        output.WriteLine($"VGGSNN {mode} T={steps} B={batch}: median {median * 1000:F0} ms/step, {batch / median:F1} samples/s, " +
            $"peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
    }
}
