namespace Sweep.Grains.Model;

/// <summary>The metric goal as persisted (mirrors SearchSpaces' StudyDirection, which carries no serializer).</summary>
[GenerateSerializer]
public enum StudyDirectionName
{
    Minimize = 0,
    Maximize = 1,
}
