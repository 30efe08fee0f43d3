namespace Sweep.Trainer.Methods;

/// <summary>Running training figures of one epoch (mean loss, accuracy of the DVS branch, throughput).</summary>
public sealed class EpochTrainStats
{
    private double _lossSum;
    private long _batches;
    private long _correct;
    private long _seen;
    private double _seconds;

    public double LastLoss { get; private set; }
    public double Lr { get; private set; }
    public double? Loss => _batches == 0 ? null : _lossSum / _batches;
    public double? Top1 => _seen == 0 ? null : (double)_correct / _seen;
    public double? SamplesPerS => _seconds > 0 ? _seen / _seconds : null;

    public void Add(double loss, long correct, long samples, double lr, double elapsedSeconds)
    {
        (_lossSum, _batches, _correct, _seen) = (_lossSum + loss, _batches + 1, _correct + correct, _seen + samples);
        (LastLoss, Lr, _seconds) = (loss, lr, elapsedSeconds);
    }
}
