namespace Sweep.SearchSpaces.Specs;

/// <summary>The objective: the name a trial reports its value under, and whether to minimise or maximise it.</summary>
public sealed record MetricSpec(string Name, StudyDirection Goal);
