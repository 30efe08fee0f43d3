namespace Sweep.SearchSpaces.Samplers;

/// <summary>
/// Proposes a configuration for a new trial. The contract (checked by the sampler contract suite): a value for
/// exactly the parameters active in the returned configuration, each inside its distribution, in internal
/// representation; the same seed and the same sequence of asks and tells give the same values.
/// </summary>
public interface ISampler
{
    /// <summary>Short name for logs and the ask/tell <c>init</c> answer.</summary>
    string Name { get; }

    /// <param name="history">The study, including <paramref name="trial"/> (Running, no params yet) and any other trials in flight.</param>
    /// <param name="trial">The trial to sample for.</param>
    IReadOnlyDictionary<string, double> Sample(ITrialHistory history, TrialRecord trial);

    /// <summary>Called once when a trial reaches a finished state, so samplers can update their observations incrementally.</summary>
    void AfterTrial(ITrialHistory history, TrialRecord trial) { }

    /// <summary>
    /// The sampler's random state, persisted with the sweep so that a resumed sweep continues the stream instead of
    /// replaying it (and repeating earlier trials' parameters); null for a sampler that derives every draw from the
    /// history and the trial number.
    /// </summary>
    byte[]? SaveState() => null;

    /// <summary>Continues from a state <see cref="SaveState"/> gave (same sampler, same seed).</summary>
    /// <exception cref="ArgumentException">The state is not this sampler's.</exception>
    void RestoreState(ReadOnlySpan<byte> state) { }
}
