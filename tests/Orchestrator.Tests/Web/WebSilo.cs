using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Sweep.Orchestrator.Tests.Engine;

namespace Sweep.Orchestrator.Tests.Web;

/// <summary>
/// A real <c>sweep silo</c> serving a home with its web host on a free loopback port (<c>--web 127.0.0.1:0</c>);
/// <see cref="Url"/> is the address it prints. Its stderr is kept (the token must never show there).
/// </summary>
public sealed partial class WebSilo : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebSilo(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public Uri Url { get; private set; } = null!;

    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    /// <summary>Starts the silo on <paramref name="cli"/>'s home and waits for its <c>web: URL</c> line.</summary>
    public static async Task<WebSilo> StartAsync(SweepCli cli, double stepSeconds = 0, params string[] extra)
    {
        var env = new Dictionary<string, string> { ["SWEEP_STEP_SECONDS"] = stepSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var silo = new WebSilo(cli.Start(env, ["silo", "--home", cli.Home, "--cpu-slots", "2", "--web", "127.0.0.1:0", .. extra]));
        var done = await Task.WhenAny(silo._url.Task, silo._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (done != silo._url.Task)
        {
            var log = silo.Log;
            silo.Dispose();
            throw new InvalidOperationException($"the silo printed no web address:\n{log}");
        }
        silo.Url = new Uri(await silo._url.Task);
        return silo;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Never started, or already reaped.
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
        if (WebLine().Match(line) is { Success: true } m) _url.TrySetResult(m.Groups[1].Value);
    }

    [GeneratedRegex(@"^web: (http://127\.0\.0\.1:\d+/)")]
    public static partial Regex WebLine();
}
