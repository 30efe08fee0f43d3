namespace Sweep.Trainer.Snn;

/// <summary>
/// What every LIF node of a network is built with: the surrogate gradient and the run config's <c>tau</c> and
/// <c>threshold</c>. A bare <see cref="Surrogate"/> converts to one at braincog's defaults (τ 2, V_th 0.5).
/// </summary>
public sealed record Neuron(Surrogate Surrogate, double Tau = 2.0, double Threshold = 0.5)
{
    public static implicit operator Neuron(Surrogate surrogate) => new(surrogate);
}
