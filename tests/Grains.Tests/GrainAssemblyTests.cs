namespace Sweep.Grains.Tests;

public sealed class GrainAssemblyTests
{
    [Fact]
    public void Assembly_is_the_grains_assembly() => Assert.Equal("Sweep.Grains", GrainAssembly.Assembly.GetName().Name);
}
