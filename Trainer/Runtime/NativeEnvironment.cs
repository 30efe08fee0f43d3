using System.Runtime.InteropServices;

namespace Sweep.Trainer.Runtime;

/// <summary>
/// The C library's environment. <see cref="Environment.SetEnvironmentVariable(string, string)"/> only
/// changes .NET's copy on Linux, so native code (libgomp reading OMP_WAIT_POLICY) never sees it.
/// </summary>
internal static partial class NativeEnvironment
{
    // "libc.so.6", not "libc": on a box with libc6-dev, "libc.so" is a linker script that dlopen rejects.
    private const string LibC = "libc.so.6";

    /// <summary>Sets <paramref name="name"/> for native code unless it is already set (a parent's or the
    /// user's value wins).</summary>
    public static void SetDefault(string name, string value) => Put(name, value, overwrite: 0);

    /// <summary>Sets <paramref name="name"/> for native code, replacing any value.</summary>
    public static void Set(string name, string value) => Put(name, value, overwrite: 1);

    private static void Put(string name, string value, int overwrite)
    {
        if (SetEnv(name, value, overwrite) != 0)
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>The value native code sees, or null.</summary>
    public static string? Get(string name) => Marshal.PtrToStringUTF8(GetEnv(name));

    [LibraryImport(LibC, EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport(LibC, EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);
}
