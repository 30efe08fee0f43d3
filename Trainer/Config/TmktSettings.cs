namespace Sweep.Trainer.Config;

/// <summary><c>tmkt.*</c>: expected mix ratio r_m and its schedule, λ_MAG, λ_MRP.</summary>
public sealed record TmktSettings(double MixRatio, MixSchedule MixSchedule, double MagWeight, double MrpWeight);
