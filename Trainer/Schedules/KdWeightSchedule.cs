namespace Sweep.Trainer.Schedules;

/// <summary>
/// CKD phased KD weight (methods.md §4.2; breakpoints unknown): W = 1 before <see cref="SwitchStart"/>,
/// a sigmoid drop to 0 between <see cref="SwitchStart"/> and <see cref="SwitchEnd"/> (fractions of
/// training), 0 after. The sigmoid σ(k(½ − u)) over u ∈ [0,1] is rescaled to hit 1 and 0 exactly at the
/// ends so W is continuous.
/// </summary>
public sealed record KdWeightSchedule(double SwitchStart = 0.3, double SwitchEnd = 0.7, double Sharpness = 10.0)
{
    public double At(double progress)
    {
        if (!(SwitchStart <= SwitchEnd))
            throw new ArgumentOutOfRangeException(nameof(SwitchEnd), $"SwitchStart <= SwitchEnd must hold, but got ({SwitchStart}, {SwitchEnd})");
        if (progress <= SwitchStart) return 1.0;
        if (progress >= SwitchEnd) return 0.0;
        var u = (progress - SwitchStart) / (SwitchEnd - SwitchStart);
        double S(double v) => 1.0 / (1.0 + Math.Exp(-Sharpness * (0.5 - v)));
        return (S(u) - S(1)) / (S(0) - S(1));
    }
}
