namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>Optuna 3.1's <c>default_gamma</c> and <c>default_weights</c>.</summary>
public static class TpeWeights
{
    /// <summary>min(ceil(0.1·n), 25): how many of n ranked trials form the "below" (good) set.</summary>
    public static int DefaultGamma(int n) => Math.Min((int)Math.Ceiling(0.1 * n), 25);

    /// <summary>
    /// 1 for each of n observations when n &lt; 25; otherwise <c>np.linspace(1/n, 1, n − 25)</c> for the oldest
    /// n − 25 (same arithmetic: i·step + start, last entry exactly 1) followed by 25 ones.
    /// </summary>
    public static void DefaultWeights(int n, Span<double> into)
    {
        if (n < 25)
        {
            into[..n].Fill(1.0);
            return;
        }
        var num = n - 25;
        var start = 1.0 / n;
        if (num == 1) into[0] = start;
        else if (num > 1)
        {
            var step = (1.0 - start) / (num - 1);
            for (var i = 0; i < num; i++) into[i] = i * step + start;
            into[num - 1] = 1.0;
        }
        into.Slice(num, 25).Fill(1.0);
    }
}
