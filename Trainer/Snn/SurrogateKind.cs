namespace Sweep.Trainer.Snn;

/// <summary>Surrogate gradient shapes of methods.md §1.2 plus SpikingJelly's sigmoid.</summary>
public enum SurrogateKind
{
    /// <summary>Triangle: dS/dx = α − α²|x| for |x| ≤ 1/α (braincog QGateGrad).</summary>
    QGate,

    /// <summary>Rectangle: dS/dx = 1[|x| &lt; 0.5]; α ignored (braincog BackEIGateGrad).</summary>
    BackEIGate,

    /// <summary>dS/dx = α·s(αx)(1 − s(αx)).</summary>
    Sigmoid,
}
