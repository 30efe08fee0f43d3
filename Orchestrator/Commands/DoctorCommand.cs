using System.CommandLine;
using System.Reflection;
using System.Text.Json;
using Sweep.Trainer.Runtime;

namespace Sweep.Orchestrator.Commands;

/// <summary><c>sweep doctor</c>: loads torch the way a trial would and prints what it runs with.
/// Exit 1, with the reason on one stderr line, when torch cannot be loaded.</summary>
public static class DoctorCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var threads = new Option<int?>("--threads") { Description = "Intra-op threads to set before reporting (default: libtorch's choice)." };
        var device = new Option<string>("--device") { Description = "auto, cpu, cuda or cuda:N.", DefaultValueFactory = _ => "auto" };
        var command = new Command("doctor", "Load torch and print its version, device, threads and OpenMP wait policy.") { format, threads, device };
        command.SetAction(parse =>
        {
            TorchRuntimeInfo info;
            try
            {
                info = TorchRuntime.Initialize(new TorchRuntimeOptions(parse.GetValue(threads), parse.GetValue(device)!));
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"sweep doctor: {Innermost(e)}");
                return ExitCodes.Failed;
            }
            if (parse.GetValue(format) == "json")
                Console.Out.WriteLine(JsonSerializer.Serialize(info, Json));
            else
                WriteTable(info);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(TorchRuntimeInfo info)
    {
        (string Key, string? Value)[] rows =
        [
            ("torchsharp", info.TorchSharpVersion),
            ("libtorch", info.LibTorchVersion),
            ("backend", info.Backend),
            ("device", info.Device),
            ("cuda devices", info.CudaAvailable ? info.CudaDeviceCount.ToString() : "none"),
            ("CUDA_VISIBLE_DEVICES", info.CudaVisibleDevices ?? "(unset)"),
            ("threads", $"{info.Threads} intra-op, {info.InteropThreads} inter-op"),
            ("OMP_WAIT_POLICY", info.OmpWaitPolicy ?? "(unset)"),
            ("allocator", TrainerAllocator.Describe()),
            (".NET", info.DotNetVersion),
            ("natives", info.NativeDirectory),
        ];
        var width = rows.Max(r => r.Key.Length);
        foreach (var (key, value) in rows)
            Console.Out.WriteLine($"{key.PadRight(width)}  {value}");
    }

    // TypeInitializationException and friends wrap the useful message; keep only its first line.
    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null && e is TypeInitializationException or TargetInvocationException or AggregateException)
            e = e.InnerException;
        return e.Message.Split('\n', 2)[0].Trim();
    }
}
