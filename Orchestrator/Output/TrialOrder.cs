namespace Sweep.Orchestrator.Output;

/// <summary>The <c>--sort</c> of <c>sweep trials</c>.</summary>
public enum TrialOrder
{
    Number,
    Value,
    Duration,
    State,
}
