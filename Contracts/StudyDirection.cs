namespace Sweep.Contracts;

/// <summary>Whether the metric is minimised or maximised. Ordinals are Optuna's (journal <c>directions</c>).</summary>
[GenerateSerializer]
public enum StudyDirection
{
    Minimize = 1,
    Maximize = 2,
}
