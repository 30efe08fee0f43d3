namespace Sweep.Contracts.TrialProtocol;

/// <summary>
/// One line of the trial protocol: what a trainer (ours or a user's program) writes on stdout and the engine reads
/// (docs/protocol.md). <see cref="Metrics"/> holds every numeric field by name; null means written as null (not
/// measured at that point). Records compare by value, metrics included.
/// </summary>
public abstract record ProtocolRecord(IReadOnlyDictionary<string, double?> Metrics, string? Error)
{
    /// <summary>The <c>type</c> field: <c>progress</c> or <c>result</c>.</summary>
    public abstract string Type { get; }

    /// <summary>The metric's value; null when the line does not carry it or carries null.</summary>
    public double? Metric(string name) => Metrics.TryGetValue(name, out var v) ? v : null;

    public virtual bool Equals(ProtocolRecord? other) =>
        other is not null && EqualityContract == other.EqualityContract && Error == other.Error
        && Metrics.Count == other.Metrics.Count
        && Metrics.All(kv => other.Metrics.TryGetValue(kv.Key, out var v) && Nullable.Equals(kv.Value, v));

    public override int GetHashCode()
    {
        var hash = HashCode.Combine(EqualityContract, Error, Metrics.Count);
        foreach (var (name, value) in Metrics) hash ^= HashCode.Combine(name, value);
        return hash;
    }
}
