namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// Per parameter, kept across asks: observation indices sorted by model-space value (NaN left out), so an
/// ask reads each kernel set's sorted order in one linear pass instead of an argsort of ~n values; and each
/// observation's last kernel normaliser with the bandwidth it was computed for, since most bandwidths survive
/// from one ask to the next and the truncated-normal mass is the costliest part of a kernel.
/// </summary>
internal sealed class TpeColumnIndex
{
    private readonly List<int> _sorted = [];
    private readonly List<double> _normSigma = [];
    private readonly List<double> _norm = [];

    public List<int> Sorted => _sorted;

    /// <summary>Records that observation <paramref name="at"/> (value <paramref name="v"/>) was inserted into <paramref name="column"/>.</summary>
    public void Insert(List<double> column, int at, double v)
    {
        // A late finisher shifts the indices after it; trials finishing in order append and skip this loop.
        if (at < column.Count - 1)
            for (var i = 0; i < _sorted.Count; i++)
                if (_sorted[i] >= at) _sorted[i]++;
        _normSigma.Insert(at, double.NaN);
        _norm.Insert(at, 0.0);
        if (double.IsNaN(v)) return;
        int lo = 0, hi = _sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (column[_sorted[mid]] <= v) lo = mid + 1; else hi = mid;
        }
        _sorted.Insert(lo, at);
    }

    /// <summary>The cached normaliser of observation <paramref name="i"/> when it was computed for <paramref name="sigma"/>.</summary>
    public bool TryGetNorm(int i, double sigma, out double norm)
    {
        norm = _norm[i];
        return _normSigma[i] == sigma;
    }

    public void SetNorm(int i, double sigma, double norm)
    {
        _normSigma[i] = sigma;
        _norm[i] = norm;
    }
}
