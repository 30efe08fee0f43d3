using System.Diagnostics;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// Only the owner of a home drives its silo: every connection is mutual TLS with the home's key, which only the owner
/// can read; the home is 0700 and its files 0600 whatever the umask.
/// </summary>
[Trait("Category", "Slow")]
public sealed class HomeSecurityTests : SweepCliTest
{
    [Fact]
    public async Task A_home_is_the_owners_alone_whatever_the_umask()
    {
        var script = Path.Combine(Cli.Directory, "ok.sh");
        File.WriteAllText(script, """echo '{"type":"result","status":"complete","value":1}'""");
        var spec = Cli.WriteSpec(TestSpecs.UnitCommand("modes", $"sh {script}", 1));
        var (code, _, err) = await SweepCli.Exec("sh", "-c", $"umask 000; exec dotnet {SweepCli.Dll} start {spec} --home {Cli.Home} --id m --no-web");
        Assert.True(code == 0, err);
        var trial = Path.Combine(Cli.Home, "trials", "m", "0");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Cli.Home));
        foreach (var folder in new[] { Path.Combine(Cli.Home, "trials"), Path.Combine(Cli.Home, "trials", "m"), trial })
            Assert.True((File.GetUnixFileMode(folder) & ~UserAll) == 0, $"{folder}: {File.GetUnixFileMode(folder)}");
        foreach (var file in new[] { "sweep.db", "home-key.pfx", "silo.lock", "silo.json", "trials/m/0/stdout.log", "trials/m/0/stderr.log" })
            Assert.True(File.GetUnixFileMode(Path.Combine(Cli.Home, file)) == (UnixFileMode.UserRead | UnixFileMode.UserWrite),
                        $"{file}: {File.GetUnixFileMode(Path.Combine(Cli.Home, file))}");
    }

    [RootFact]
    public async Task Another_user_with_a_forged_silo_file_and_the_real_port_is_refused_and_nothing_runs()
    {
        var (code, _, err) = await Cli.Run("start", Cli.WriteSpec(TestSpecs.BraninFunction("owner", 100, parallelTrials: 1, steps: 100, stepSeconds: 0.2)), "--home", Cli.Home, "--id", "owner", "--detach");
        Assert.True(code == 0, err);

        // nobody's own home, holding the owner's silo.json (pid and port are no secret: ps and ss show them) and a held lock.
        var forged = Path.Combine(Path.GetTempPath(), $"sweep-forged-{Guid.NewGuid():N}");
        Directory.CreateDirectory(forged);
        try
        {
            File.Copy(Path.Combine(Cli.Home, "silo.json"), Path.Combine(forged, "silo.json"));
            var marker = Path.Combine(forged, "pwned");
            File.WriteAllText(Path.Combine(forged, "evil.yaml"), TestSpecs.UnitCommand("evil", $"touch {marker}", 1));
            Chown(forged);
            var script = $"cd {forged}; flock {forged}/silo.lock sleep 90 </dev/null >/dev/null 2>&1 & sleep 0.5; " +
                         $"HOME={forged} DOTNET_CLI_HOME={forged} exec dotnet {SweepCli.Dll} start {forged}/evil.yaml --home {forged} --id evil --no-web";
            (code, _, err) = await SweepCli.Exec("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "sh", "-c", script);
            Assert.Equal(1, code);
            Assert.Contains($"did not accept this process within 30 s: it refuses any key but its home's ({forged}/home-key.pfx)", err);
            Assert.False(File.Exists(marker), "the forged submission ran its command");
            var (_, list, _) = await Cli.Run("list", "--home", Cli.Home, "-f", "json");
            Assert.DoesNotContain("evil", list);
            Assert.Contains("The remote certificate was rejected", File.ReadAllText(Path.Combine(Cli.Home, "silo.log")));
        }
        finally
        {
            Directory.Delete(forged, recursive: true);
        }
    }

    private const UnixFileMode UserAll = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static void Chown(string folder)
    {
        using var chown = Process.Start("chown", ["-R", "nobody:nogroup", folder])!;
        chown.WaitForExit();
        Assert.Equal(0, chown.ExitCode);
    }
}
