namespace Sweep.Orchestrator.Hosting;

/// <summary>Writes a file through <c>PATH.tmp</c> and a rename, so readers and crashes never see half a file.</summary>
internal static class AtomicFile
{
    /// <param name="mode">The new file's permissions (a home's files: owner only); null takes the umask's.</param>
    public static void WriteAllText(string path, string text, UnixFileMode? mode = null)
    {
        var tmp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (mode is { } m) options.UnixCreateMode = m;
        File.Delete(tmp);   // UnixCreateMode applies to a new file only
        using (var writer = new StreamWriter(tmp, options)) writer.Write(text);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>The same for bytes (a PNG).</summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var tmp = path + ".tmp";
        File.WriteAllBytes(tmp, bytes);
        File.Move(tmp, path, overwrite: true);
    }
}
