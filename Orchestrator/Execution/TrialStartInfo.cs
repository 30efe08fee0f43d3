using System.Diagnostics;
using System.Text;

namespace Sweep.Orchestrator.Execution;

/// <summary>The <see cref="ProcessStartInfo"/> of one trial: wrapped command line, environment, redirected streams.</summary>
internal static class TrialStartInfo
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static ProcessStartInfo Create(IReadOnlyList<string> argv, TrialLaunch launch)
    {
        var info = new ProcessStartInfo(argv[0])
        {
            UseShellExecute = false,
            WorkingDirectory = launch.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var arg in argv.Skip(1)) info.ArgumentList.Add(arg);
        // Starts from this process's environment; the launch's values win.
        foreach (var (key, value) in launch.Environment) info.Environment[key] = value;
        // OpenMP's default spin-waiting burns whole cores that sibling trials need.
        info.Environment.TryAdd("OMP_WAIT_POLICY", "PASSIVE");
        return info;
    }
}
