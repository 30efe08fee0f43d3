namespace Sweep.Trainer.Bench;

/// <summary>Resident set size of this process from /proc/self/status (Linux; 0 where it is not available).</summary>
public static class ProcessMemory
{
    /// <summary>Current RSS (VmRSS) in MB.</summary>
    public static double RssMb() => Read("VmRSS:");

    /// <summary>Peak RSS (VmHWM) in MB, as ru_maxrss reports it.</summary>
    public static double PeakRssMb() => Read("VmHWM:");

    private static double Read(string field)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return 0;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kb is null ? 0 : double.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
