namespace Sweep.Trainer.Snn;

/// <summary>A module with state across time steps (SpikingJelly's MemoryModule).</summary>
public interface ISpikingModule
{
    StepMode StepMode { get; set; }

    /// <summary>Forgets the state (membrane back to 0 and recorded membranes dropped).</summary>
    void Reset();
}
