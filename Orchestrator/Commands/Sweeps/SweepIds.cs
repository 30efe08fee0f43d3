namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>Sweep ids are path- and URL-safe: they name trial folders and grain keys.</summary>
internal static class SweepIds
{
    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') && id[0] != '.';
}
