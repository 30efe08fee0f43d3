namespace Sweep.Trainer.Snn;

/// <summary>How a spiking network consumes time (SpikingJelly's step modes).</summary>
public enum StepMode
{
    /// <summary>Input [T,B,...]; stateless layers run once on the folded [T·B,...] tensor and each neuron
    /// loops over T internally. Fastest on CPU and GPU.</summary>
    MultiStep,

    /// <summary>The whole network runs one frame at a time with state kept in the neurons (the KT
    /// authors' loop); <see cref="ISpikingModule.Reset"/> before each sequence.</summary>
    SingleStep,
}
