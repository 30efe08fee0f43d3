namespace Sweep.Grains.Sweeps;

/// <summary>Timing of the sweep grains (<c>Sweep:Engine</c> section).</summary>
public sealed class SweepEngineOptions
{
    /// <summary>A running attempt whose runner has not reported for this long goes back to pending. Default: 30 s.</summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a sweep checks its leases and its timeout. Default: 2 s.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(2);

    public void Validate()
    {
        if (LeaseTimeout <= TimeSpan.Zero) throw new ArgumentException($"{nameof(LeaseTimeout)} must be > 0 (got {LeaseTimeout})");
        if (TickInterval <= TimeSpan.Zero) throw new ArgumentException($"{nameof(TickInterval)} must be > 0 (got {TickInterval})");
    }
}
