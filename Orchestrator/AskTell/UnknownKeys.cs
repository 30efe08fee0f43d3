using System.Text.Json;

namespace Sweep.Orchestrator.AskTell;

/// <summary>
/// Request keys the server does not know are ignored, so a newer driver can add keys within protocol 1 (the
/// same rule PROTOCOL.md gives for responses). Each one is logged once, so a typo is still visible on stderr.
/// </summary>
internal sealed class UnknownKeys(TextWriter log)
{
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    public void Check(JsonElement obj, string context, string[] known)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) >= 0) continue;
            if (_warned.Add($"{context}\0{property.Name}"))
                log.WriteLine($"ask-tell: ignoring unknown key \"{property.Name}\" in {context} (warned once)");
        }
    }
}
