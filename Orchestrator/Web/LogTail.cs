using System.Text;

namespace Sweep.Orchestrator.Web;

/// <summary>The last lines of a trial's log, read from its end (a log may be large and still growing).</summary>
internal static class LogTail
{
    private const int MaxBytes = 64 * 1024;

    /// <summary>Up to <paramref name="lines"/> last lines of <paramref name="path"/>; null when there is no such file.</summary>
    public static IReadOnlyList<string>? Read(string path, int lines)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var start = Math.Max(0, stream.Length - MaxBytes);
            stream.Seek(start, SeekOrigin.Begin);
            var buffer = new byte[stream.Length - start];
            stream.ReadExactly(buffer);
            var all = Encoding.UTF8.GetString(buffer).Split('\n');
            var whole = start == 0 ? all : all[1..];     // the first line of a cut read is partial
            if (whole.Length > 0 && whole[^1].Length == 0) whole = whole[..^1];
            return whole.TakeLast(lines).Select(l => l.TrimEnd('\r')).ToList();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
