namespace Sweep.SearchSpaces.TrialProtocol;

/// <summary>
/// <c>{"type":"progress",…}</c>: written after each epoch (and every <c>reportEvery</c> steps). Accuracies are
/// fractions in [0, 1]; a metric not measured at this point is null. <see cref="Error"/> is set only when a
/// non-finite number had to be written as null, and says which.
/// </summary>
public sealed record ProgressRecord(
    long Step, int Epoch, double? Loss, double? TrainTop1, double? ValTop1, double? SamplesPerS, double? Lr, double ElapsedS,
    string? Error = null) : ProtocolRecord
{
    public override string Type => "progress";
}
