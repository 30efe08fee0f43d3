using System.Collections.Immutable;

namespace Sweep.Orchestrator.Running;

/// <summary>The trial runner of one silo (its GPU node): devices, slots, where trials keep their files.</summary>
public sealed class RunnerOptions
{
    /// <summary>Node name (GpuNodeGrain key). Default: the host name.</summary>
    public string NodeName { get; set; } = Environment.MachineName;

    /// <summary>GPU indices (<c>--gpus 0,1</c>); empty = CPU slots only.</summary>
    public IReadOnlyList<int> Gpus { get; set; } = [];

    /// <summary>Trials run at once per GPU. Default: 1.</summary>
    public int SlotsPerGpu { get; set; } = 1;

    /// <summary>CPU slots (<c>--cpu-slots N</c>) when there are no GPUs. Default: the number of cores.</summary>
    public int CpuSlots { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// GPU memory of each device in GB (<c>--gpu-memory-gb</c>): trials that declare <c>trial.gpuMemoryGb</c> share a
    /// device while their memory fits. Null: not declared, one trial per slot.
    /// </summary>
    public double? GpuMemoryGb { get; set; }

    /// <summary>
    /// On shutdown (SIGTERM to <c>sweep silo</c>), how long running attempts may go on to finish before they are stopped
    /// and given back to their sweeps' queues. No new attempts start meanwhile. Default: zero (stop them at once).
    /// </summary>
    public TimeSpan DrainGrace { get; set; }

    /// <summary>Free-form <c>key=value</c> labels of the node (<c>--labels</c>), shown by <c>sweep nodes</c>.</summary>
    public ImmutableSortedDictionary<string, string> Labels { get; set; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Folder of trial run folders and logs (<c>HOME/trials</c>).</summary>
    public string TrialsDirectory { get; set; } = "";

    /// <summary>How long an idle slot waits before asking the sweeps again. Default: 100 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often running attempts are reported alive. Default: 2 s (well inside the 30 s lease).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The program and leading arguments that run <c>sweep</c> (for <c>sweep train</c> trials).</summary>
    public IReadOnlyList<string> SweepCommand { get; set; } = SweepExecutable.Resolve();

    /// <summary>The run folder of a trial (<c>HOME/trials/SWEEP/N</c>), created owner-only with its sweep's folder.</summary>
    public string CreateTrialDirectory(string sweepId, int number)
    {
        var dir = Hosting.SweepHome.TrialDirectory(TrialsDirectory, sweepId, number);
        Directory.CreateDirectory(Path.GetDirectoryName(dir)!, Hosting.SweepHome.OwnerOnlyFolder);   // each level: the mode applies to the last only
        Directory.CreateDirectory(dir, Hosting.SweepHome.OwnerOnlyFolder);
        return dir;
    }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(NodeName)) throw new ArgumentException($"{nameof(NodeName)} must not be empty");
        if (Gpus.Any(g => g < 0)) throw new ArgumentException($"{nameof(Gpus)}: GPU indices must be >= 0 (got {string.Join(",", Gpus)})");
        if (SlotsPerGpu < 1) throw new ArgumentException($"{nameof(SlotsPerGpu)} must be >= 1 (got {SlotsPerGpu})");
        if (GpuMemoryGb is <= 0) throw new ArgumentException($"{nameof(GpuMemoryGb)} must be > 0 (got {GpuMemoryGb})");
        if (DrainGrace < TimeSpan.Zero) throw new ArgumentException($"{nameof(DrainGrace)} must not be negative (got {DrainGrace})");
        if (CpuSlots < 1) throw new ArgumentException($"{nameof(CpuSlots)} must be >= 1 (got {CpuSlots})");
        if (string.IsNullOrWhiteSpace(TrialsDirectory)) throw new ArgumentException($"{nameof(TrialsDirectory)} must be set");
        if (SweepCommand.Count == 0) throw new ArgumentException($"{nameof(SweepCommand)} must name a program");
    }

    /// <summary>One entry per slot: the device it runs on (<c>cuda:N</c> or <c>cpu</c>).</summary>
    public IReadOnlyList<string> SlotDevices() => Gpus.Count > 0
        ? [.. Gpus.SelectMany(g => Enumerable.Repeat($"cuda:{g}", SlotsPerGpu))]
        : [.. Enumerable.Repeat("cpu", CpuSlots)];

    /// <summary>
    /// The OpenMP threads a trial on <paramref name="device"/> runs with: this process's <c>OMP_NUM_THREADS</c>, else on a
    /// CPU slot its share of the cores (cores / CPU slots); null: the library's default (a GPU slot).
    /// </summary>
    public int? ThreadsFor(string device) =>
        int.TryParse(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var set) && set > 0
            ? set
            : device == "cpu" ? Math.Max(1, Environment.ProcessorCount / Math.Max(1, CpuSlots)) : null;
}
