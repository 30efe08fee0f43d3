namespace Sweep.Trainer.Config;

/// <summary>The <c>stepMode</c> key: multi-step ([T,N,…] per layer) or single-step (one time step through the net).</summary>
public enum StepModeKind
{
    Multi,
    Single,
}
