using System.Diagnostics;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// The Python trial client's own unit tests (clients/python/test_sweep_client.py), run by Debian's python3: the
/// lines it writes, parameter merging, and SIGTERM ending in exit 143 with a cancelled result line.
/// </summary>
public sealed class PythonClientTests
{
    [Fact]
    public async Task The_python_client_passes_its_own_tests_under_the_system_python()
    {
        var folder = Path.Combine(SweepCli.RepoRoot(), "clients", "python");
        var psi = new ProcessStartInfo("/usr/bin/python3", ["-B", "-m", "unittest", "discover", "-s", folder, "-v"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var python = Process.Start(psi)!;
        var stdout = python.StandardOutput.ReadToEndAsync();
        var stderr = python.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await python.WaitForExitAsync(cts.Token);
        var report = await stderr;
        Assert.True(python.ExitCode == 0, report + await stdout);
        Assert.Matches(@"Ran [1-9]\d* tests", report);
        Assert.Contains("\nOK", report);
    }
}
