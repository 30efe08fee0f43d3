namespace Sweep.Trainer.Config;

/// <summary>The <c>surrogate</c> key: the spike function's surrogate gradient (methods.md §1.2).</summary>
public enum SurrogateKind
{
    QGate,
    BackEI,
    Sigmoid,
}
