namespace Sweep.SearchSpaces.Samplers.Qmc;

/// <summary>
/// Sobol direction numbers of Joe and Kuo (<c>new-joe-kuo-6.21201</c>, "Constructing Sobol sequences with better
/// two-dimensional projections", SIAM J. Sci. Comput. 30, 2008), dimensions 2 to 53; dimension 1 is the
/// van der Corput sequence and has no row. Each row: degree s of the primitive polynomial, its inner coefficients a
/// (bit k−1 from the top is the coefficient of x^(s−k)), and the initial odd numbers m_1 … m_s with m_k &lt; 2^k.
/// </summary>
internal static class JoeKuoDirections
{
    public static readonly JoeKuoRow[] Rows =
    [
        new(1, 0, [1]),   // dim 2
        new(2, 1, [1, 3]),   // dim 3
        new(3, 1, [1, 3, 1]),   // dim 4
        new(3, 2, [1, 1, 1]),   // dim 5
        new(4, 1, [1, 1, 3, 3]),   // dim 6
        new(4, 4, [1, 3, 5, 13]),   // dim 7
        new(5, 2, [1, 1, 5, 5, 17]),   // dim 8
        new(5, 4, [1, 1, 5, 5, 5]),   // dim 9
        new(5, 7, [1, 1, 7, 11, 19]),   // dim 10
        new(5, 11, [1, 1, 5, 1, 1]),   // dim 11
        new(5, 13, [1, 1, 1, 3, 11]),   // dim 12
        new(5, 14, [1, 3, 5, 5, 31]),   // dim 13
        new(6, 1, [1, 3, 3, 9, 7, 49]),   // dim 14
        new(6, 13, [1, 1, 1, 15, 21, 21]),   // dim 15
        new(6, 16, [1, 3, 1, 13, 27, 49]),   // dim 16
        new(6, 19, [1, 1, 1, 15, 7, 5]),   // dim 17
        new(6, 22, [1, 3, 1, 15, 13, 25]),   // dim 18
        new(6, 25, [1, 1, 5, 5, 19, 61]),   // dim 19
        new(7, 1, [1, 3, 7, 11, 23, 15, 103]),   // dim 20
        new(7, 4, [1, 3, 7, 13, 13, 15, 69]),   // dim 21
        new(7, 7, [1, 1, 3, 13, 7, 35, 63]),   // dim 22
        new(7, 8, [1, 3, 5, 9, 1, 25, 53]),   // dim 23
        new(7, 14, [1, 3, 1, 13, 9, 35, 107]),   // dim 24
        new(7, 19, [1, 3, 1, 5, 27, 61, 31]),   // dim 25
        new(7, 21, [1, 1, 5, 11, 19, 41, 61]),   // dim 26
        new(7, 28, [1, 3, 5, 3, 3, 13, 69]),   // dim 27
        new(7, 31, [1, 1, 7, 13, 1, 19, 1]),   // dim 28
        new(7, 32, [1, 3, 7, 5, 13, 19, 59]),   // dim 29
        new(7, 37, [1, 1, 3, 9, 25, 29, 41]),   // dim 30
        new(7, 41, [1, 3, 5, 13, 23, 1, 55]),   // dim 31
        new(7, 42, [1, 3, 7, 3, 13, 59, 17]),   // dim 32
        new(7, 50, [1, 3, 1, 3, 5, 53, 69]),   // dim 33
        new(7, 55, [1, 1, 5, 5, 23, 33, 13]),   // dim 34
        new(7, 56, [1, 1, 7, 7, 1, 61, 123]),   // dim 35
        new(7, 59, [1, 1, 7, 9, 13, 61, 49]),   // dim 36
        new(7, 62, [1, 3, 3, 5, 3, 55, 33]),   // dim 37
        new(8, 14, [1, 3, 1, 15, 31, 13, 49, 245]),   // dim 38
        new(8, 21, [1, 3, 5, 15, 31, 59, 63, 97]),   // dim 39
        new(8, 22, [1, 3, 1, 11, 11, 11, 77, 249]),   // dim 40
        new(8, 38, [1, 3, 1, 11, 27, 43, 71, 9]),   // dim 41
        new(8, 47, [1, 1, 7, 15, 21, 11, 81, 45]),   // dim 42
        new(8, 49, [1, 3, 7, 3, 25, 31, 65, 79]),   // dim 43
        new(8, 50, [1, 3, 1, 1, 19, 11, 3, 205]),   // dim 44
        new(8, 52, [1, 1, 5, 9, 19, 21, 29, 157]),   // dim 45
        new(8, 56, [1, 3, 7, 11, 1, 33, 89, 185]),   // dim 46
        new(8, 67, [1, 3, 3, 3, 15, 9, 79, 71]),   // dim 47
        new(8, 70, [1, 3, 7, 11, 15, 39, 119, 27]),   // dim 48
        new(8, 84, [1, 1, 3, 1, 11, 31, 97, 225]),   // dim 49
        new(8, 97, [1, 1, 1, 3, 23, 43, 57, 177]),   // dim 50
        new(8, 103, [1, 3, 7, 7, 17, 17, 37, 71]),   // dim 51
        new(8, 115, [1, 3, 1, 5, 27, 63, 123, 213]),   // dim 52
        new(8, 122, [1, 1, 3, 5, 11, 43, 53, 133]),   // dim 53
    ];

    /// <summary>Dimensions available: the rows plus dimension 1.</summary>
    public static int MaxDimensions => Rows.Length + 1;
}
