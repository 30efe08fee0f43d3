namespace Sweep.SearchSpaces.TrialProtocol;

/// <summary>
/// <c>{"type":"result",…}</c>: the last line of every run, whatever happened. <see cref="ValTop1"/> is the final
/// epoch's accuracy, <see cref="BestValTop1"/> the best epoch's; <see cref="Params"/> counts trainable parameters;
/// <see cref="SopsPerSample"/> is synaptic operations per validation sample; <see cref="ValRgbTop1"/> is the
/// accuracy on RGB validation input (two-branch methods). Failed and cancelled results carry <see cref="Error"/>.
/// </summary>
public sealed record ResultRecord(
    ResultStatus Status, double? ValTop1 = null, double? BestValTop1 = null, int? BestEpoch = null, long? Params = null,
    double? SopsPerSample = null, double? ValRgbTop1 = null, string? Error = null) : ProtocolRecord
{
    public override string Type => "result";

    public static ResultRecord Failed(string error) => new(ResultStatus.Failed, Error: error);
}
