namespace Sweep.Grains;

/// <summary>Marker for the grains assembly (silo and client configuration find the grain types through it).</summary>
public static class GrainAssembly
{
    public static System.Reflection.Assembly Assembly => typeof(GrainAssembly).Assembly;
}
