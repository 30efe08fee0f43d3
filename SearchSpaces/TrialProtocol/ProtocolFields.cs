namespace Sweep.SearchSpaces.TrialProtocol;

/// <summary>The snake_case field names of the protocol, in the order the writer emits them.</summary>
public static class ProtocolFields
{
    public const string Type = "type";
    public const string Step = "step";
    public const string Epoch = "epoch";
    public const string Loss = "loss";
    public const string TrainTop1 = "train_top1";
    public const string ValTop1 = "val_top1";
    public const string SamplesPerS = "samples_per_s";
    public const string Lr = "lr";
    public const string ElapsedS = "elapsed_s";
    public const string Status = "status";
    public const string BestValTop1 = "best_val_top1";
    public const string BestEpoch = "best_epoch";
    public const string Params = "params";
    public const string SopsPerSample = "sops_per_sample";
    public const string ValRgbTop1 = "val_rgb_top1";
    public const string Error = "error";

    public static readonly IReadOnlyList<string> Progress = [Type, Step, Epoch, Loss, TrainTop1, ValTop1, SamplesPerS, Lr, ElapsedS, Error];
    public static readonly IReadOnlyList<string> Result = [Type, Status, ValTop1, BestValTop1, BestEpoch, Params, SopsPerSample, ValRgbTop1, Error];

    /// <summary>Fields that must be fractions in [0, 1] (or null).</summary>
    public static readonly IReadOnlySet<string> Fractions = new HashSet<string> { TrainTop1, ValTop1, BestValTop1, ValRgbTop1 };

    public static string StatusText(ResultStatus status) => status.ToString().ToLowerInvariant();
}
