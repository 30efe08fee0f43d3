namespace Sweep.Orchestrator.Hosting;

/// <summary>Writes a file through <c>PATH.tmp</c> and a rename, so readers and crashes never see half a file.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, text);
        File.Move(tmp, path, overwrite: true);
    }
}
