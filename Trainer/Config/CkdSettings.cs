namespace Sweep.Trainer.Config;

/// <summary><c>ckd.*</c>: teacher checkpoint, KD weight and temperature, switch window as fractions of training.</summary>
public sealed record CkdSettings(string Teacher, double KdWeight, double Temperature, double SwitchStart, double SwitchEnd);
