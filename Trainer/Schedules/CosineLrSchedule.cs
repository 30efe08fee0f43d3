namespace Sweep.Trainer.Schedules;

/// <summary>
/// timm's CosineLRScheduler as KT runs it (methods.md §1.7), in any unit (epochs or steps): linear warm-up
/// from <see cref="WarmupLr"/> over <see cref="WarmupSteps"/>, cosine from <see cref="BaseLr"/> to
/// <see cref="MinLr"/> over <see cref="TotalSteps"/>, then <see cref="MinLr"/> (cooldown). timm's default
/// <c>warmup_prefix=False</c> measures the cosine from step 0 (the warm-up overlaps its start); set
/// <see cref="WarmupPrefix"/> to start the cosine after the warm-up instead.
/// </summary>
public sealed record CosineLrSchedule(double BaseLr, long TotalSteps, long WarmupSteps = 0, double WarmupLr = 1e-6,
    double MinLr = 1e-5, bool WarmupPrefix = false)
{
    public double At(double step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(TotalSteps, 1, nameof(TotalSteps));
        if (step < WarmupSteps) return WarmupLr + step * (BaseLr - WarmupLr) / WarmupSteps;
        var t = WarmupPrefix ? step - WarmupSteps : step;
        var span = WarmupPrefix ? TotalSteps - WarmupSteps : TotalSteps;
        if (span <= 0 || t >= span) return MinLr;
        return MinLr + 0.5 * (BaseLr - MinLr) * (1 + Math.Cos(Math.PI * t / span));
    }

    /// <summary>KT's linear scaling: lr·batch·world/1024.</summary>
    public static double ScaleLr(double lr, long batch, int worldSize = 1) => lr * batch * worldSize / 1024.0;
}
