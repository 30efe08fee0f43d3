namespace Sweep.Trainer.Bench;

/// <summary>
/// How <see cref="StepBenchmark"/> times training steps; mirrors <c>ref_snn.py run</c> (--warmup, --iters, --steps)
/// so the two print comparable figures.
/// </summary>
/// <param name="LikeRef">Time ref_snn.py's graph of the variant (<see cref="RefSnnObjective"/>), not the method's objective.</param>
public sealed record StepBenchmarkOptions(int Warmup = 3, int Iters = 8, int StepsPerIter = 1, int Classes = 10, bool LikeRef = false)
{
    /// <summary>Throws naming the option when a value is out of range.</summary>
    public void Validate()
    {
        if (Warmup < 0) throw new ArgumentException($"--warmup must be >= 0 (got {Warmup})");
        if (Iters < 1) throw new ArgumentException($"--iters must be >= 1 (got {Iters})");
        if (StepsPerIter < 1) throw new ArgumentException($"--steps must be >= 1 (got {StepsPerIter})");
        if (Classes < 2) throw new ArgumentException($"--classes must be >= 2 (got {Classes})");
    }
}
