using System.Diagnostics;
using System.Text.Json;

namespace Sweep.Trainer.Tests.Runtime;

/// <summary>
/// The build switch `-p:SweepTorchBackend=cuda` (Directory.Build.props, build/Sweep.Torch.targets), read back from
/// MSBuild's own evaluation of Trainer.csproj. The CUDA package cannot be restored on the build machines, so this
/// checks what a restore would ask for, not the restore itself. Each case is one `dotnet msbuild` evaluation.
/// </summary>
public sealed class TorchBackendSwitchTests
{
    private const string CpuPackage = "libtorch-cpu-linux-x64";
    private const string CudaPackage = "libtorch-cuda-12.8-linux-x64";

    private static readonly string Root = FindRoot();

    [Fact]
    public void The_default_build_references_the_cpu_libtorch_package_only()
    {
        var (backend, packages, _) = Evaluate();
        Assert.Equal("cpu", backend);
        Assert.Contains(CpuPackage, packages);
        Assert.DoesNotContain(packages, p => p.StartsWith("libtorch-cuda", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-p:SweepTorchBackend=cuda", null)]
    [InlineData("-p:SweepTorchBackend=CUDA", null)]
    [InlineData(null, "cuda")]   // exported in the environment, so `./sweep`'s own rebuilds stay CUDA
    public void The_cuda_switch_swaps_the_libtorch_package_for_the_cuda_one_at_the_same_version(string? argument, string? environment)
    {
        var (_, packages, versions) = Evaluate(argument, environment);
        Assert.Contains(CudaPackage, packages);
        Assert.DoesNotContain(packages, p => p.StartsWith("libtorch-cpu", StringComparison.Ordinal));
        // One libtorch for TorchSharp's glue library: the two packages must move together.
        Assert.Equal(versions[CpuPackage], versions[CudaPackage]);
    }

    [Fact]
    public void An_unknown_backend_fails_before_restore_naming_the_value()
    {
        var (exit, output) = MsBuild(["-t:CollectPackageReferences", "-p:SweepTorchBackend=gpu"]);
        Assert.NotEqual(0, exit);
        Assert.Contains("SWEEP010", output, StringComparison.Ordinal);
        Assert.Contains("SweepTorchBackend must be cpu or cuda (got 'gpu')", output, StringComparison.Ordinal);

        var (cudaExit, cudaOutput) = MsBuild(["-t:CollectPackageReferences", "-p:SweepTorchBackend=cuda"]);
        Assert.True(cudaExit == 0, cudaOutput);
    }

    private static (string Backend, List<string> Packages, Dictionary<string, string> Versions) Evaluate(string? argument = null, string? environment = null)
    {
        List<string> args = ["-getProperty:SweepTorchBackend", "-getItem:PackageReference", "-getItem:PackageVersion"];
        if (argument is not null) args.Add(argument);
        var (exit, output) = MsBuild(args, environment);
        Assert.True(exit == 0, output);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.GetProperty("Items");
        var packages = items.GetProperty("PackageReference").EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!).ToList();
        var versions = items.GetProperty("PackageVersion").EnumerateArray()
            .ToDictionary(i => i.GetProperty("Identity").GetString()!, i => i.GetProperty("Version").GetString()!, StringComparer.Ordinal);
        return (json.RootElement.GetProperty("Properties").GetProperty("SweepTorchBackend").GetString()!, packages, versions);
    }

    private static (int Exit, string Output) MsBuild(IEnumerable<string> args, string? backendVariable = null)
    {
        var info = new ProcessStartInfo("dotnet", ["msbuild", Path.Combine(Root, "Trainer", "Trainer.csproj"), "-nologo", "-nodeReuse:false", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        // MSBuild reads environment variables as properties: the caller's own setting must not leak into the default case.
        info.Environment.Remove("SweepTorchBackend");
        info.Environment.Remove("SweepLibTorchPackage");
        if (backendVariable is not null) info.Environment["SweepTorchBackend"] = backendVariable;
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet msbuild {string.Join(' ', args)} took over 2 minutes");
        }
        return (process.ExitCode, stdout + stderr.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sweep.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Sweep.sln above {AppContext.BaseDirectory}");
    }
}
