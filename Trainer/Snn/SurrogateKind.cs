namespace Sweep.Trainer.Snn;

/// <summary>
/// The surrogate gradient of the spike function (docs/methods.md), and the <c>surrogate</c> key's choices
/// (<c>qgate</c>, <c>backei</c>, <c>sigmoid</c>): braincog's two shapes plus SpikingJelly's sigmoid.
/// </summary>
public enum SurrogateKind
{
    /// <summary>Triangle: dS/dx = α − α²|x| for |x| ≤ 1/α (braincog QGateGrad).</summary>
    QGate,

    /// <summary>Rectangle: dS/dx = 1[|x| &lt; 0.5]; α ignored (braincog BackEIGateGrad).</summary>
    BackEI,

    /// <summary>dS/dx = α·s(αx)(1 − s(αx)).</summary>
    Sigmoid,
}
