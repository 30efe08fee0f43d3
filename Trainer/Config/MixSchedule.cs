namespace Sweep.Trainer.Config;

/// <summary>The <c>tmkt.mixSchedule</c> key: r_m fixed for the run, or ramped from 0 to <c>tmkt.mixRatio</c>.</summary>
public enum MixSchedule
{
    Fixed,
    Ramp,
}
