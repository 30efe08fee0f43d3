using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>Runs the real <c>sweep</c> executable (the build next to the tests) as a child process on a temp home.</summary>
public sealed class SweepCli : IDisposable
{
    public SweepCli()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("sweep-cli-").FullName;
        Home = Path.Combine(Directory, "home");
    }

    public string Directory { get; }
    public string Home { get; }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "sweep.dll");

    /// <summary>A copy of examples/objectives/branin.sh under a unique path, so the process table can be searched for it.</summary>
    public string BraninScript()
    {
        var path = Path.Combine(Directory, "branin-objective.sh");
        File.Copy(Path.Combine(RepoRoot(), "examples", "objectives", "branin.sh"), path, overwrite: true);
        if (OperatingSystem.IsLinux()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public string WriteSpec(string text)
    {
        var path = Path.Combine(Directory, $"spec-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    public Process Start(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Dll);
        foreach (var a in WithoutWeb(args)) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        return Process.Start(psi)!;
    }

    public async Task<(int Code, string Out, string Err)> Run(params string[] args) => await Run(null, args);

    /// <summary>
    /// Adds <c>--no-web</c> to the verbs that serve the web pages unless the test asks for a web host itself: tests
    /// run many sweeps at once, and the default address (127.0.0.1:5080) would collide.
    /// </summary>
    public static IEnumerable<string> WithoutWeb(IReadOnlyList<string> args) =>
        args.Count > 0 && args[0] is "start" or "resume" or "silo" && !args.Any(a => a is "--web" or "--no-web" or "--token-file")
            ? args.Append("--no-web")
            : args;

    public Task<(int Code, string Out, string Err)> Run(IReadOnlyDictionary<string, string>? env, params string[] args) => WaitAsync(Start(env, args));

    /// <summary>Runs any program (a shell around sweep, setpriv) to its end.</summary>
    public static Task<(int Code, string Out, string Err)> Exec(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        return WaitAsync(Process.Start(psi)!);
    }

    private static async Task<(int Code, string Out, string Err)> WaitAsync(Process started)
    {
        using var p = started;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, await stdout, await stderr);
    }

    public async Task<JsonObject> Status(string id)
    {
        var (code, output, err) = await Run("status", id, "--home", Home, "-f", "json");
        Assert.True(code == 0, err);
        return JsonNode.Parse(output)!.AsObject();
    }

    /// <summary><see cref="Status"/> for polling: null while the sweep cannot be read yet.</summary>
    public async Task<JsonObject?> TryStatus(string id)
    {
        var (code, output, _) = await Run("status", id, "--home", Home, "-f", "json");
        return code == 0 ? JsonNode.Parse(output)!.AsObject() : null;
    }

    public async Task<JsonArray> Trials(string id)
    {
        var (code, output, err) = await Run("trials", id, "--home", Home, "-f", "json");
        Assert.True(code == 0, err);
        return JsonNode.Parse(output)!.AsArray();
    }

    /// <summary>Pids of live processes whose command line mentions <paramref name="marker"/>.</summary>
    public static IReadOnlyList<int> ProcessesWith(string marker) =>
        [.. System.IO.Directory.EnumerateDirectories("/proc").Select(d => Path.GetFileName(d))
            .Where(n => int.TryParse(n, out _)).Select(int.Parse).Where(pid =>
            {
                try
                {
                    var cmd = File.ReadAllText($"/proc/{pid}/cmdline");
                    var stat = File.ReadAllText($"/proc/{pid}/stat");
                    return cmd.Contains(marker, StringComparison.Ordinal) && !stat.Contains(") Z ", StringComparison.Ordinal);
                }
                catch (IOException) { return false; }
                catch (UnauthorizedAccessException) { return false; }
            })];

    /// <summary>The tail of the background silo's log, for failure messages.</summary>
    public string SiloLog()
    {
        var log = Path.Combine(Home, "silo.log");
        return File.Exists(log) ? string.Join("\n", File.ReadLines(log).TakeLast(15)) : "(no silo.log)";
    }

    public static async Task WaitUntil(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out after {timeout} waiting until {what}");
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        // A background silo of this home (detach tests) must not outlive the test.
        var silo = Path.Combine(Home, "silo.json");
        if (File.Exists(silo) && JsonNode.Parse(File.ReadAllText(silo))?["ProcessId"]?.GetValue<int>() is { } pid)
            try { Process.GetProcessById(pid).Kill(entireProcessTree: true); } catch (ArgumentException) { } catch (InvalidOperationException) { }
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sweep.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Sweep.sln not found above the test output");
    }
}
