namespace Sweep.Trainer.Config;

/// <summary><c>ckd.*</c>: teacher checkpoint, KD weight and temperature, switch window as fractions of training and the
/// steepness of the switch.</summary>
public sealed record CkdSettings(string Teacher, double KdWeight, double Temperature, double SwitchStart, double SwitchEnd, double SwitchSharpness);
