namespace Sweep.Trainer.Schedules;

/// <summary>
/// TMKT r_m over training (methods.md §3.3: unknown). Fixed per run, or a ramp from <see cref="Start"/> to
/// <see cref="End"/> shaped like KT's curve, r = start + (end − start)·progress^power (the "curriculum" wording).
/// </summary>
public sealed record MixRatioSchedule(double Start, double End, double Power = 1.0)
{
    public static MixRatioSchedule Fixed(double ratio) => new(ratio, ratio);

    public static MixRatioSchedule Ramp(double start = 0.0, double end = 1.0, double power = 3.0) => new(start, end, power);

    /// <summary>r_m at training progress ∈ [0,1] (clamped).</summary>
    public double At(double progress)
    {
        var x = Math.Clamp(progress, 0.0, 1.0);
        return Start + (End - Start) * Math.Pow(x, Power);
    }
}
