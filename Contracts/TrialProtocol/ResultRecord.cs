namespace Sweep.Contracts.TrialProtocol;

/// <summary>
/// <c>{"type":"result","status":…,…}</c>: the last protocol line of a run. <see cref="Status"/> is
/// <see cref="TrialState.Complete"/>, <see cref="TrialState.Failed"/> (with <see cref="ProtocolRecord.Error"/>) or
/// <see cref="TrialState.Cancelled"/> (stopped by a signal). Our trainer's metrics: the last epoch's
/// <c>val_top1</c>, the best epoch's <c>best_val_top1</c> and <c>best_epoch</c>, the trainable <c>params</c>,
/// <c>sops_per_sample</c> (synaptic operations per validation sample) and <c>val_rgb_top1</c> (two-branch methods).
/// </summary>
public sealed record ResultRecord(TrialState Status, IReadOnlyDictionary<string, double?> Metrics, string? Error = null)
    : ProtocolRecord(Metrics, Error)
{
    /// <summary>The statuses a result line may carry.</summary>
    public static readonly IReadOnlyList<TrialState> Statuses = [TrialState.Complete, TrialState.Failed, TrialState.Cancelled];

    public override string Type => "result";

    public double? ValTop1 => Metric(ProtocolFields.ValTop1);

    public double? BestValTop1 => Metric(ProtocolFields.BestValTop1);

    public int? BestEpoch => Metric(ProtocolFields.BestEpoch) is { } e ? (int)e : null;

    public long? Params => Metric(ProtocolFields.Params) is { } p ? (long)p : null;

    public double? SopsPerSample => Metric(ProtocolFields.SopsPerSample);

    public double? ValRgbTop1 => Metric(ProtocolFields.ValRgbTop1);

    /// <summary>Our trainer's result line: every field of <see cref="ProtocolFields.Result"/>, null where not measured.</summary>
    public static ResultRecord Of(TrialState status, double? valTop1 = null, double? bestValTop1 = null, int? bestEpoch = null,
                                  long? parameters = null, double? sopsPerSample = null, double? valRgbTop1 = null, string? error = null) =>
        new(status, new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            [ProtocolFields.ValTop1] = valTop1,
            [ProtocolFields.BestValTop1] = bestValTop1,
            [ProtocolFields.BestEpoch] = bestEpoch,
            [ProtocolFields.Params] = parameters,
            [ProtocolFields.SopsPerSample] = sopsPerSample,
            [ProtocolFields.ValRgbTop1] = valRgbTop1,
        }, error);

    public static ResultRecord Failed(string error, int? bestEpoch = null) => Of(TrialState.Failed, bestEpoch: bestEpoch, error: error);

    public bool Equals(ResultRecord? other) => base.Equals(other) && Status == other.Status;

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Status);
}
