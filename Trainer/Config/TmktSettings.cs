using Sweep.Trainer.Losses;

namespace Sweep.Trainer.Config;

/// <summary><c>tmkt.*</c>: expected mix ratio r_m, its schedule and ramp exponent, λ_MAG, λ_MRP and the two head losses.</summary>
public sealed record TmktSettings(
    double MixRatio, MixSchedule MixSchedule, double MagWeight, double MrpWeight, double RampPower = 3.0,
    MagLossKind MagLoss = MagLossKind.CrossEntropy, MrpLossKind MrpLoss = MrpLossKind.Mse);
