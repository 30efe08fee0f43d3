namespace Sweep.Contracts.TrialProtocol;

/// <summary>
/// <c>{"type":"progress","step":…,"epoch":…,…}</c>: an intermediate report. A line carries <see cref="Step"/>,
/// <see cref="Epoch"/> or both (our trainer always writes both: optimizer steps over the whole run, 1-based epochs);
/// which one the pruner counts is the sweep's <c>pruner.resource</c>. <see cref="ProtocolRecord.Error"/> is set only
/// when a non-finite number had to be written as null, and says which.
/// </summary>
public sealed record ProgressRecord(long? Step, long? Epoch, IReadOnlyDictionary<string, double?> Metrics, string? Error = null)
    : ProtocolRecord(Metrics, Error)
{
    public override string Type => "progress";

    public double? Loss => Metric(ProtocolFields.Loss);

    public double? TrainTop1 => Metric(ProtocolFields.TrainTop1);

    public double? ValTop1 => Metric(ProtocolFields.ValTop1);

    /// <summary>The counter <paramref name="unit"/> names, or null when the line does not carry it.</summary>
    public long? Resource(ResourceUnit unit) => unit == ResourceUnit.Epoch ? Epoch : Step;

    /// <summary>Our trainer's progress line: every field of <see cref="ProtocolFields.Progress"/>, null where not measured.</summary>
    public static ProgressRecord Of(long step, int epoch, double? loss, double? trainTop1, double? valTop1, double? samplesPerS,
                                    double? lr, double elapsedS) =>
        new(step, epoch, new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            [ProtocolFields.Loss] = loss,
            [ProtocolFields.TrainTop1] = trainTop1,
            [ProtocolFields.ValTop1] = valTop1,
            [ProtocolFields.SamplesPerS] = samplesPerS,
            [ProtocolFields.Lr] = lr,
            [ProtocolFields.ElapsedS] = elapsedS,
        });

    public bool Equals(ProgressRecord? other) => base.Equals(other) && Step == other.Step && Epoch == other.Epoch;

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Step, Epoch);
}
