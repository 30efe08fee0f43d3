namespace Sweep.Orchestrator.Running;

/// <summary>How this build runs itself as a child (<c>sweep train</c> for method trials).</summary>
public static class SweepExecutable
{
    /// <summary>The apphost next to sweep.dll when present, else <c>dotnet sweep.dll</c>.</summary>
    public static IReadOnlyList<string> Resolve()
    {
        var dir = AppContext.BaseDirectory;
        var apphost = Path.Combine(dir, "sweep");
        if (File.Exists(apphost)) return [apphost];
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";
        return [dotnet, Path.Combine(dir, "sweep.dll")];
    }
}
