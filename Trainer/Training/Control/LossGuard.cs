namespace Sweep.Trainer.Training.Control;

/// <summary>Turns a diverged loss into a failed run instead of a run that trains on NaNs or hangs.</summary>
public static class LossGuard
{
    /// <summary>Throws <see cref="NonFiniteLossException"/> ("loss is NaN at step 123") unless <paramref name="loss"/> is finite.</summary>
    public static void Check(double loss, long step, string name = "loss")
    {
        if (double.IsFinite(loss)) return;
        var what = double.IsNaN(loss) ? "NaN" : loss > 0 ? "+inf" : "-inf";
        throw new NonFiniteLossException($"{name} is {what} at step {step}");
    }
}
