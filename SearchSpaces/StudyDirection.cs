namespace Sweep.SearchSpaces;

/// <summary>Whether the objective is minimised or maximised.</summary>
public enum StudyDirection
{
    Minimize = 1,
    Maximize = 2,
}
