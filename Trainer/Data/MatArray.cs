namespace Sweep.Trainer.Data;

/// <summary>A numeric MATLAB variable: name, dimensions (column-major) and its real part as doubles.</summary>
public sealed record MatArray(string Name, int[] Dims, int MatlabClass, double[] Real);
