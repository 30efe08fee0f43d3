using System.Reflection;
using Sweep.Build;

namespace Sweep.Trainer.Tests.Runtime;

/// <summary>The ELF patch on a _copy of the pristine libLibTorchSharp.so from the package folder, and on
/// the _copy the build put next to this test dll.</summary>
public sealed class GlibcxxVersionPatchTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), $"sweep-elf-{Guid.NewGuid():N}.so");

    private static string PristineLibrary()
    {
        var root = typeof(GlibcxxVersionPatchTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NuGetPackageRoot").Value!;
        var version = typeof(TorchSharp.torch).Assembly.GetName().Version!;
        return Path.Combine(root, "torchsharp", $"{version.Major}.{version.Minor}.{version.Build}", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
    }

    private static (string File, string Version, int FlagsOffset, ushort Flags) Glibcxx32(string path) =>
        GlibcxxVersionPatch.Scan(File.ReadAllBytes(path)).Single(n => n.Version == "GLIBCXX_3.4.32");

    [Fact]
    public void WeakensExactlyTheGlibcxx32NeedAndIsIdempotent()
    {
        File.Copy(PristineLibrary(), _copy);
        var before = File.ReadAllBytes(_copy);
        Assert.Equal(0, Glibcxx32(_copy).Flags & 0x2);

        Assert.Equal(["libstdc++.so.6:GLIBCXX_3.4.32"], GlibcxxVersionPatch.Weaken(_copy));
        var after = File.ReadAllBytes(_copy);
        var need = Glibcxx32(_copy);
        Assert.Equal(0x2, need.Flags & 0x2);
        // Only the flags byte of that one Vernaux entry differs.
        var diffs = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        Assert.Equal([need.FlagsOffset], diffs);
        Assert.All(GlibcxxVersionPatch.Scan(after).Where(n => n.Version != "GLIBCXX_3.4.32"),
            n => Assert.Equal(GlibcxxVersionPatch.Scan(before).Single(o => o.FlagsOffset == n.FlagsOffset).Flags, n.Flags));

        Assert.Empty(GlibcxxVersionPatch.Weaken(_copy));
        Assert.Equal(after, File.ReadAllBytes(_copy));
    }

    [Fact]
    public void TheBuildPatchedTheCopyNextToTheTests()
    {
        // Either order fails without the build-time patch: first, the flag is missing; after a torch
        // test, TorchRuntime would have had to patch it at start-up.
        var output = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");
        Assert.Equal(0x2, Glibcxx32(output).Flags & 0x2);
        Assert.False(Sweep.Trainer.Runtime.TorchNativeLibrary.PatchedAtStartup);
    }

    [Fact]
    public void RefusesFilesThatAreNotElf64()
    {
        File.WriteAllBytes(_copy, new byte[128]);
        Assert.Throws<InvalidDataException>(() => GlibcxxVersionPatch.Weaken(_copy));
    }

    [Fact]
    public void RefusesATruncatedLibrary()
    {
        File.WriteAllBytes(_copy, File.ReadAllBytes(PristineLibrary()).AsSpan(0, 4096).ToArray());
        Assert.Throws<InvalidDataException>(() => GlibcxxVersionPatch.Weaken(_copy));
    }

    [Theory]
    [InlineData("GLIBCXX_3.4.32", true)]
    [InlineData("GLIBCXX_3.4.33", true)]
    [InlineData("GLIBCXX_3.4.30", false)]
    [InlineData("GLIBC_2.34", false)]
    [InlineData("CXXABI_1.3.15", false)]
    public void OnlyGlibcxxFrom32IsTooNew(string version, bool expected) =>
        Assert.Equal(expected, GlibcxxVersionPatch.IsTooNew(version));

    public void Dispose() => File.Delete(_copy);
}
