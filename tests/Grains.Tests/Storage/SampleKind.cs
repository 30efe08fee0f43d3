namespace Sweep.Grains.Tests.Storage;

[GenerateSerializer]
public enum SampleKind
{
    Asked,
    Running,
    Completed,
}
