namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// A fact that needs root (to act as another user with setpriv) and the user <c>nobody</c>; reported as skipped,
/// not passed, elsewhere.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root") Skip = "needs root, to run a client as another user (setpriv)";
        else if (!File.ReadLines("/etc/passwd").Any(l => l.StartsWith("nobody:", StringComparison.Ordinal))) Skip = "the user nobody does not exist";
    }
}
