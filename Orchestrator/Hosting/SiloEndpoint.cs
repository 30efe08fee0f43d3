using System.Text.Json;

namespace Sweep.Orchestrator.Hosting;

/// <summary>The contents of <c>HOME/silo.json</c>: where the silo serving a home listens, so other verbs can connect.</summary>
public sealed record SiloEndpoint(int ProcessId, int SiloPort, int GatewayPort, DateTime StartedUtc)
{
    public void Write(SweepHome home) => AtomicFile.WriteAllText(home.SiloFile, JsonSerializer.Serialize(this), SweepHome.OwnerOnly);

    /// <summary>The endpoint of a live silo serving <paramref name="home"/>, or null (no file, or its process is gone).</summary>
    public static SiloEndpoint? ReadLive(SweepHome home)
    {
        if (!File.Exists(home.SiloFile) || !SiloLock.IsHeld(home)) return null;
        try
        {
            return JsonSerializer.Deserialize<SiloEndpoint>(File.ReadAllText(home.SiloFile));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
