using System.Diagnostics;
using Sweep.Contracts.Config;
using Sweep.Trainer.Config;
using Sweep.Trainer.Data;
using Sweep.Trainer.Methods;
using Sweep.Trainer.Runtime;
using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trainer.Bench;

/// <summary>
/// Times the training step of a run config the way <c>ref_snn.py run</c> times PyTorch's: the same model, method
/// objective, AdamW and step mode as <c>sweep train</c>, on two cycled batches of random sparse events (15 % of
/// cells hold 1–3 events) and random RGB, so data loading is not timed. Runs on the calling thread.
/// </summary>
public static class StepBenchmark
{
    public static StepBenchmarkResult Run(RunConfig config, StepBenchmarkOptions options, string device)
    {
        Check(config, options);
        var dev = torch.device(device);
        var rssBefore = ProcessMemory.RssMb();
        using var model = RunModel.Create(config, options.Classes, config.Dataset.FrameSize);
        var goal = options.LikeRef
            ? new RefSnnObjective(config.Method == TrainingMethod.Tmkt, model.FeatureDim)
            : SpikingObjectives.Create(config, model)!;
        using var bundle = new TrainableModules(model, goal.ExtraModules);
        bundle.to(dev);
        var optimizer = Optimizers.AdamW(bundle, config.Lr, config.WeightDecay);
        var batches = Enumerable.Range(0, 2).Select(i => RandomBatch(config, options.Classes, i + 1, dev)).ToArray();
        model.train();
        var total = options.Warmup + options.Iters * options.StepsPerIter;
        var context = (long i) => new BatchContext(i, 0, total, 1);
        using var fence = NativeCallFence.Enter();
        var clock = Stopwatch.StartNew();
        var loss = 0f;
        long step = 0;
        for (; step < options.Warmup; step++) loss = Step(model, goal, optimizer, batches[step % 2], context(step));
        var warmup = clock.Elapsed.TotalSeconds;
        var rssWarm = ProcessMemory.RssMb();
        var times = new List<double>();
        for (var i = 0; i < options.Iters; i++)
        {
            var start = clock.Elapsed.TotalSeconds;
            for (var k = 0; k < options.StepsPerIter; k++, step++) loss = Step(model, goal, optimizer, batches[step % 2], context(step));
            times.Add(clock.Elapsed.TotalSeconds - start);
        }
        foreach (var b in batches) b.Dispose();
        if (!float.IsFinite(loss)) throw new InvalidOperationException($"non-finite loss {loss} in the timed steps");
        var rates = times.Select(t => options.StepsPerIter * config.BatchSize / t).Order().ToArray();
        return new StepBenchmarkResult(
            config.Model.ToString().ToLowerInvariant(), config.Method.ToString().ToLowerInvariant() + (options.LikeRef ? "-like-ref" : ""),
            config.StepMode.ToString().ToLowerInvariant(), config.TimeSteps, config.BatchSize, config.Dataset.FrameSize,
            torch.get_num_threads(), times, Median(rates), rates[0], rates[^1], warmup, loss, rssBefore, rssWarm,
            ProcessMemory.PeakRssMb(), TrainerAllocator.Active() ? "tcmalloc" : "glibc");
    }

    /// <summary>Throws naming the option or key when the pair cannot be timed; call before torch is set up.</summary>
    public static void Check(RunConfig config, StepBenchmarkOptions options)
    {
        options.Validate();
        if (config.Method is not (TrainingMethod.Dvs or TrainingMethod.Kt or TrainingMethod.Tmkt))
            throw new ArgumentException($"method: bench-train times dvs, kt and tmkt steps (got {config.Method.ToString().ToLowerInvariant()})");
        if (options.LikeRef && config.Method == TrainingMethod.Kt)
            throw new ArgumentException("--like-ref: ref_snn.py has dvs and tmkt variants only (got kt)");
    }

    private static float Step(Models.SpikingNetwork model, IBatchObjective goal, OptimizerHelper optimizer, PairedBatch batch, BatchContext at)
    {
        NativeCallFence.SafePoint();
        using var scope = NewDisposeScope();
        var result = goal.Compute(model, batch, at);
        optimizer.zero_grad();
        result.Loss.backward();
        optimizer.step();
        return result.Loss.item<float>();
    }

    private static PairedBatch RandomBatch(RunConfig c, int classes, int seed, Device device)
    {
        var rng = new Random(seed);
        var (t, b, s) = (c.TimeSteps, c.BatchSize, c.Dataset.FrameSize);
        var dvs = new float[t * b * EventFramer.Polarities * s * s];
        for (var i = 0; i < dvs.Length; i++) dvs[i] = rng.NextDouble() < 0.15 ? rng.Next(1, 4) : 0f;
        // RGB through the trainer's own conversion (HSV V = max(R, G, B)), as the loader copies it into a batch.
        var value = new float[b * s * s];
        var colour = new float[b * 3 * s * s];
        var pixels = new byte[3 * s * s];
        for (var n = 0; n < b; n++)
        {
            rng.NextBytes(pixels);
            var rgb = RgbSample.From(new RgbImage(pixels, s, s), 0);
            Array.Copy(rgb.Value, 0, value, n * s * s, s * s);
            Array.Copy(rgb.Colour, 0, colour, n * 3 * s * s, 3 * s * s);
        }
        var labels = Enumerable.Range(0, b).Select(_ => (long)rng.Next(classes)).ToArray();
        return new PairedBatch(new HostBatch(dvs, value, colour, labels, t, s), device);
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
