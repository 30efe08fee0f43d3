namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>Sweep ids are path- and URL-safe: they name trial folders and grain keys.</summary>
internal static class SweepIds
{
    /// <summary>A new id: the spec's name and six random hex digits (<c>tmkt-quickstart-3fa9c1</c>).</summary>
    public static string New(string specName) => $"{specName}-{System.Security.Cryptography.RandomNumberGenerator.GetHexString(6, lowercase: true)}";

    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') && id[0] != '.';
}
