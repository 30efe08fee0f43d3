using Sweep.Trainer.Config;
using Sweep.Trainer.Models;
using Sweep.Trainer.Snn;

namespace Sweep.Trainer.Methods;

/// <summary>The spiking network a run config names, sized to the dataset's classes and frame size.</summary>
public static class RunModel
{
    public static SpikingNetwork Create(RunConfig c, int classes, int frameSize)
    {
        var surrogate = c.Surrogate switch
        {
            SurrogateKind.BackEI => Surrogate.BackEIGate(),
            SurrogateKind.Sigmoid => Surrogate.Sigmoid(),
            _ => Surrogate.QGate(),
        };
        var neuron = new Neuron(surrogate, c.Tau, c.Threshold);
        var mode = c.StepMode == StepModeKind.Single ? StepMode.SingleStep : StepMode.MultiStep;
        return c.Model switch
        {
            ModelKind.Vggsnn => VggSnn.Create(classes, c.TimeSteps, frameSize, frameSize, 2, neuron, mode),
            ModelKind.Resnet18 => SpikingResNet18.Create(classes, c.TimeSteps, 2, neuron, mode),
            ModelKind.Scnn => Scnn.Create(classes, c.TimeSteps, frameSize, frameSize, 2, neuron, mode),
            _ => throw new ArgumentException($"model: '{c.Model}' is not a spiking network (method {c.Method} needs vggsnn, resnet18 or scnn)"),
        };
    }
}
