using System.Diagnostics;
using System.Globalization;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Running;
using Sweep.Orchestrator.Telemetry;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// Starts <c>sweep silo</c> for a home as a background process in its own session (it outlives this one, unlike
/// trials), which exits once no sweep has been active for a while; waits until it advertises its gateway.
/// </summary>
internal static class DetachedSilo
{
    public static async Task StartAsync(SweepHome home, RunnerOptions runner, TelemetryOptions telemetry, Web.WebSettings? web, TextWriter error, CancellationToken ct)
    {
        web?.EnsurePortFree();
        var args = runner.SweepCommand.Concat(["silo", "--home", home.Path, "--exit-when-idle", "60",
            "--cpu-slots", runner.CpuSlots.ToString(CultureInfo.InvariantCulture),
            "--gpus", runner.Gpus.Count == 0 ? "none" : string.Join(",", runner.Gpus),
            "--slots-per-gpu", runner.SlotsPerGpu.ToString(CultureInfo.InvariantCulture), .. WebFlags.Arguments(web),
            .. Verbosity.Level is <= Microsoft.Extensions.Logging.LogLevel.Debug ? ["--verbose"] : Array.Empty<string>()]);   // -v reaches its log
        // The background silo inherits the environment (OTEL_EXPORTER_OTLP_PROTOCOL); the flag's URL goes along.
        if (telemetry.OtlpEndpoint is { } endpoint) args = args.Concat(["--otlp-endpoint", endpoint.OriginalString]);
        var log = home.SiloLog;
        home.CreateOwnerOnlyFile(log);   // the shell's >> would create it with the umask's mode
        var command = "exec " + string.Join(" ", args.Select(Quote)) + $" </dev/null >>{Quote(log)} 2>&1";
        // setsid gets pipes of its own: inheriting this process's stdout would keep a caller reading it waiting
        // until the background silo exits.
        var psi = new ProcessStartInfo("setsid", ["-f", "/bin/sh", "-c", command])
        {
            UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using (var p = Process.Start(psi))
            if (p is not null)
            {
                p.StandardInput.Close();
                await p.WaitForExitAsync(ct);
            }
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (SiloEndpoint.ReadLive(home) is null)
        {
            if (DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"the background silo did not start within 60 s; see {log}");
            await Task.Delay(200, ct);
        }
        error.WriteLine($"started a background silo for {home.Path} (log: {log})");
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
