namespace Sweep.Contracts.TrialProtocol;

/// <summary>The snake_case field names of the protocol; the lists are our trainer's fields in the order it writes them.</summary>
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

    /// <summary>Fields that must be fractions in [0, 1] (or null), whoever writes them.</summary>
    public static readonly IReadOnlySet<string> Fractions = new HashSet<string> { TrainTop1, ValTop1, BestValTop1, ValRgbTop1 };

    /// <summary>Our trainer's fields that are never negative; <see cref="Integers"/> are also whole numbers.</summary>
    public static readonly IReadOnlySet<string> NonNegative = new HashSet<string> { SamplesPerS, Lr, ElapsedS, SopsPerSample, BestEpoch, Params };

    public static readonly IReadOnlySet<string> Integers = new HashSet<string> { BestEpoch, Params };

    /// <summary>The <c>status</c> text of a result: <c>complete</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public static string StatusText(TrialState status) => ResultRecord.Statuses.Contains(status)
        ? status.ToString().ToLowerInvariant()
        : throw new ArgumentOutOfRangeException(nameof(status), status, "a result's status is complete, failed or cancelled");
}
