namespace Sweep.Grains.Sweeps;

/// <summary>Timing of the sweep grains (<c>Sweep:Engine</c> section).</summary>
public sealed class SweepEngineOptions
{
    /// <summary>A running attempt whose runner has not reported for this long goes back to pending. Default: 30 s.</summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A sweep rebuilt from storage (its silo died, or it moved) finds attempts recorded as running: those whose
    /// runner does not beat within this time go back to pending, without waiting a whole lease. Runners beat every
    /// 2 s. Default: 6 s.
    /// </summary>
    public TimeSpan RejoinTimeout { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How often a sweep checks its leases and its timeout. Default: 2 s.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(2);

    public void Validate()
    {
        if (LeaseTimeout <= TimeSpan.Zero) throw new ArgumentException($"{nameof(LeaseTimeout)} must be > 0 (got {LeaseTimeout})");
        if (RejoinTimeout <= TimeSpan.Zero) throw new ArgumentException($"{nameof(RejoinTimeout)} must be > 0 (got {RejoinTimeout})");
        if (TickInterval <= TimeSpan.Zero) throw new ArgumentException($"{nameof(TickInterval)} must be > 0 (got {TickInterval})");
    }
}
