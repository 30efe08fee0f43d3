using System.CommandLine;
using System.Security.Cryptography;
using Sweep.Orchestrator.Cluster;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// <c>sweep key [--key FILE]</c>: makes the cluster key when it is missing and prints its path and fingerprint, so it
/// can be made once and copied to every machine (or into a secret), and two machines' keys compared.
/// </summary>
public static class KeyCommand
{
    public static Command Create()
    {
        var key = new Option<string?>("--key") { Description = "The key file (default: SWEEP_KEY, else ~/.config/sweep/cluster-key.pfx)." };
        var command = new Command("key", "Make the cluster key if missing; print its path and SHA-256 fingerprint (equal on every silo and client).") { key };
        command.SetAction(pr => CliAction.RunAsync("key", pr.InvocationConfiguration.Error, () =>
        {
            var path = Path.GetFullPath(ClusterSettings.ResolveKeyFile(pr.GetValue(key)));
            var existed = File.Exists(path);
            using var certificate = SweepKey.LoadOrCreate(path, "run `sweep key` as the user that owns it");
            pr.InvocationConfiguration.Output.WriteLine($"{path} {Convert.ToHexString(SHA256.HashData(certificate.RawData)).ToLowerInvariant()}");
            if (!existed) pr.InvocationConfiguration.Error.WriteLine($"made a new cluster key in {path}: copy it (mode 0600) to every machine of the cluster");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
