namespace Sweep.SearchSpaces.Samplers.Qmc;

/// <summary>One row of the Joe–Kuo table: degree, polynomial coefficients and initial direction numbers.</summary>
internal sealed record JoeKuoRow(int Degree, uint Coefficients, uint[] Initial);
