namespace Sweep.SearchSpaces.Samplers.Qmc;

/// <summary>
/// The Halton sequence (radical inverses in the first primes). Scrambling applies a seeded random permutation
/// of the digits 0 … b−1 at every digit position (random-permutation scrambling, which breaks the correlation of
/// high dimensions with neighbouring primes), over enough digits for double precision.
/// </summary>
public sealed class HaltonSequence : IQmcSequence
{
    private readonly int[] _bases;
    private readonly int[][][]? _permutations;   // [dimension][digit position][digit]

    public HaltonSequence(int dimensions, int? scrambleSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        Dimensions = dimensions;
        _bases = Primes(dimensions);
        if (scrambleSeed is not { } seed) return;
        var rng = new Random(seed);
        _permutations = new int[dimensions][][];
        for (var d = 0; d < dimensions; d++)
        {
            var b = _bases[d];
            _permutations[d] = new int[Digits(b)][];
            for (var k = 0; k < _permutations[d].Length; k++)
            {
                var perm = Enumerable.Range(0, b).ToArray();
                rng.Shuffle(perm);
                _permutations[d][k] = perm;
            }
        }
    }

    public int Dimensions { get; }

    public double[] Point(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var point = new double[Dimensions];
        for (var d = 0; d < Dimensions; d++)
            point[d] = _permutations is null ? RadicalInverse(index, _bases[d]) : Scrambled(index, _bases[d], _permutations[d]);
        return point;
    }

    /// <summary>The first <paramref name="count"/> primes.</summary>
    public static int[] Primes(int count)
    {
        var primes = new List<int>(count);
        for (var n = 2; primes.Count < count; n++)
            if (primes.TakeWhile(p => p * p <= n).All(p => n % p != 0)) primes.Add(n);
        return [.. primes];
    }

    private static double RadicalInverse(long index, int b)
    {
        var (result, scale) = (0.0, 1.0 / b);
        for (var i = index; i > 0; i /= b, scale /= b) result += (i % b) * scale;
        return result;
    }

    // Every position is permuted, leading zeros included (a permuted 0 is not 0), so all positions are summed.
    private static double Scrambled(long index, int b, int[][] permutations)
    {
        var digits = new int[permutations.Length];
        for (var (k, i) = (0, index); k < digits.Length; k++, i /= b) digits[k] = (int)(i % b);
        var result = 0.0;
        for (var k = digits.Length - 1; k >= 0; k--) result = (result + permutations[k][digits[k]]) / b;
        return Math.Min(result, 1 - Math.Pow(2, -53));
    }

    private static int Digits(int b) => (int)Math.Ceiling(53 / Math.Log2(b));
}
